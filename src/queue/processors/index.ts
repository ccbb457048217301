import type { Metrics } from '../../metrics';
import type { SlackGateway } from '../../slack/gateway';
import type { DeliveryGuards } from '../../store/delivery-guards';
import type { DmChannels } from '../../store/dm-channels';
import type { NudgeCaps } from '../../store/nudge-caps';
import type { KeySpace, RedisClient } from '../../store/redis';
import type { TipHistory } from '../../store/tip-history';
import type { Queues } from '../queues';
import type { ProcessorMap } from '../worker-factory';
import { deliverOnce, withProfileRateGate } from '../slack-delivery';
import type { DigestService } from '../../digest/digest-service';
import { analyzeMessage, type AnalyzeDeps } from './analyze-message';
import { digestTick, scheduledTimeOf } from './digest-tick';
import { DIGEST_SENDS_PER_MINUTE, sendDigest } from './send-digest';
import { forgetWorkspace } from './forget-workspace';
import { postMessage } from './post-message';
import { publishHome } from './publish-home';
import { nudgeMethod, sendNudge } from './send-nudge';

/** The one place that says which function processes which job. */
export interface ProcessorDeps extends AnalyzeDeps {
  slack: SlackGateway;
  guards: DeliveryGuards;
  caps: NudgeCaps;
  dmChannels: DmChannels;
  metrics: Metrics;
  redis: RedisClient;
  keys: KeySpace;
  queues: Queues;
  digests: DigestService;
  tipHistory: TipHistory;
  /** The workspace's base URL (from auth.test), for message links. */
  workspaceUrl: () => string;
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
  const jobOf = (context: { job: { id?: string; attemptsMade: number; attemptsStarted: number } }) => ({
    id: context.job.id ?? '',
    isRetry: context.job.attemptsMade > 0 || context.job.attemptsStarted > 1,
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
    respond: (payload, context) =>
      deliverOnce(deps, { teamId: payload.teamId, method: 'response_url' }, context, () =>
        deps.slack.respond(payload.responseUrl, { text: payload.text, blocks: payload.blocks, replace_original: payload.replaceOriginal }),
      ),
    'publish-home': (payload, context) =>
      deliverOnce(deps, { teamId: payload.teamId, method: 'views.publish' }, context, () => publishHome(deps, payload), { markSent: false }),
  };
}
