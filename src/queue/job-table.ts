import type { Redis } from 'ioredis';
import type { Metrics } from '../metrics';
import type { JobQueue } from '../ports/jobs';
import type { SlackWorkspaces } from '../ports/slack';
import type { DeliveryGuards } from '../store/delivery-guards';
import type { DmChannels } from '../store/dm-channels';
import type { NudgeCaps } from '../store/nudge-caps';
import type { KeySpace } from '../store/redis';
import type { TipHistory } from '../store/tip-history';
import type { DigestService } from '../features/digests/digest-service';
import { digestTick, scheduledTimeOf } from '../features/digests/digest-tick';
import { DIGEST_SENDS_PER_MINUTE, sendDigest } from '../features/digests/send-digest';
import { publishHome } from '../features/home/publish-home';
import { analyzeMessage, type AnalyzeDeps } from '../features/nudges/analyze-message';
import { nudgeMethod, sendNudge } from '../features/nudges/send-nudge';
import { postMessage, respond } from '../features/posts/post-message';
import { forgetWorkspace } from '../features/workspace/forget-workspace';
import type { Queues } from './queues';
import { deliverOnce, withProfileRateGate } from './slack-delivery';
import type { ProcessorMap } from './worker-factory';

/** The one place that says which feature function processes which job. */
export interface ProcessorDeps extends AnalyzeDeps {
  workspaces: SlackWorkspaces;
  guards: DeliveryGuards;
  caps: NudgeCaps;
  dmChannels: DmChannels;
  metrics: Metrics;
  redis: Redis;
  keys: KeySpace;
  queues: Queues;
  jobs: JobQueue;
  digests: DigestService;
  tipHistory: TipHistory;
  /** SLACK_API_TIMEOUT_MS: a nudge of unknown outcome is looked for only once its call cannot be in flight. */
  apiTimeoutMs?: number;
  /** Multi-workspace mode: whether a forgotten workspace has installed lanekeeper again. */
  reinstalled?: (teamId: string) => Promise<boolean>;
}

export function analyzeProcessors(deps: ProcessorDeps): ProcessorMap<'analyze'> {
  return {
    'analyze-message': (payload, context) =>
      withProfileRateGate(deps, payload.teamId, context, () => analyzeMessage(deps, payload, context.logger)),
    'forget-workspace': async (payload, { logger }) => {
      const deleted = await forgetWorkspace(deps, payload);
      logger.info({ team: payload.teamId, reason: payload.reason, pass: payload.pass, ...deleted }, 'workspace data deleted');
      return deleted;
    },
    'digest-tick': (payload, { job }) => digestTick(deps, payload, scheduledTimeOf(job, Date.now())),
  };
}

export function deliverProcessors(deps: ProcessorDeps): ProcessorMap<'deliver'> {
  // A job taken over from a crashed worker has attemptsMade 0 but attemptsStarted 2: it is a retry too,
  // and its first attempt may have reached Slack.
  const jobOf = (context: { job: { id?: string; attemptsMade: number; attemptsStarted: number; timestamp: number } }) => ({
    id: context.job.id ?? '',
    isRetry: context.job.attemptsMade > 0 || context.job.attemptsStarted > 1,
    createdAt: context.job.timestamp,
  });
  return {
    'send-nudge': async (payload, context) => {
      let outcome: Awaited<ReturnType<typeof sendNudge>> | undefined;
      const delivered = await deliverOnce(deps, { teamId: payload.teamId, method: nudgeMethod(payload) }, context, async () => {
        outcome = await sendNudge(deps, payload, jobOf(context), context.logger);
      });
      return delivered === 'already_sent' ? { sent: false, reason: 'already_sent' } : outcome;
    },
    'send-digest': (payload, context) =>
      deliverOnce(deps, { teamId: payload.teamId, method: 'chat.postMessage' }, context, async () => {
        await sendDigest(deps, payload, 'person', jobOf(context), context.logger);
      }, { perMinute: DIGEST_SENDS_PER_MINUTE }),
    'send-team-digest': (payload, context) =>
      deliverOnce(deps, { teamId: payload.teamId, method: 'chat.postMessage' }, context, async () => {
        await sendDigest(deps, payload, 'team', jobOf(context), context.logger);
      }, { perMinute: DIGEST_SENDS_PER_MINUTE }),
    'post-message': (payload, context) =>
      deliverOnce(deps, { teamId: payload.teamId, method: 'chat.postMessage' }, context, () => postMessage(deps, payload, jobOf(context))),
    respond: (payload, context) => deliverOnce(deps, { teamId: payload.teamId, method: 'response_url' }, context, () => respond(deps, payload)),
    'publish-home': (payload, context) =>
      deliverOnce(deps, { teamId: payload.teamId, method: 'views.publish' }, context, () => publishHome(deps, payload), { markSent: false }),
  };
}
