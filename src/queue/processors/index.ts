import type { Metrics } from '../../metrics';
import type { SlackGateway } from '../../slack/gateway';
import type { DeliveryGuards } from '../../store/delivery-guards';
import type { ProcessorMap } from '../worker-factory';
import { deliverOnce } from '../slack-delivery';
import { analyzeMessage, type AnalyzeDeps } from './analyze-message';
import { nudgeMethod, sendNudge } from './send-nudge';

/** The one place that says which function processes which job. */
export interface ProcessorDeps extends AnalyzeDeps {
  slack: SlackGateway;
  guards: DeliveryGuards;
  metrics: Metrics;
}

export function analyzeProcessors(deps: ProcessorDeps): ProcessorMap<'analyze'> {
  return {
    'analyze-message': (payload, { logger }) => analyzeMessage(deps, payload, logger),
  };
}

export function deliverProcessors(deps: ProcessorDeps): ProcessorMap<'deliver'> {
  return {
    'send-nudge': (payload, context) =>
      deliverOnce(deps, { teamId: payload.teamId, method: nudgeMethod(payload) }, context, () =>
        sendNudge(deps, payload, { id: context.job.id ?? '', isRetry: context.job.attemptsMade > 0 }, context.logger),
      ),
  };
}
