import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus figures the bot exposes at GET /metrics. One registry per app instance (no
 * globals), so tests and several apps in one process do not share counters.
 */
export interface Metrics {
  readonly registry: Registry;
  readonly eventsReceived: Counter<'type' | 'outcome'>;
  readonly jobsProcessed: Counter<'queue' | 'outcome'>;
  readonly jobsByState: Gauge<'queue' | 'state'>;
  readonly queueLatency: Histogram<'queue'>;
  readonly nudgesSent: Counter<'mode'>;
  readonly nudgesOutcomeUnknown: Counter<'mode'>;
  readonly slackApiErrors: Counter<'method' | 'error'>;
  readonly slackRequests: Counter<'kind' | 'outcome'>;
}

export function createMetrics(options: { defaultMetrics: boolean }): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'lanekeeper_' });
  return {
    registry,
    eventsReceived: new Counter({
      name: 'lanekeeper_events_received_total',
      help: 'Slack events received, by type and what became of them (queued, dropped, malformed, failed).',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    jobsProcessed: new Counter({
      name: 'lanekeeper_jobs_processed_total',
      help: 'Jobs finished by this process, by queue and outcome (completed, failed, delayed).',
      labelNames: ['queue', 'outcome'],
      registers: [registry],
    }),
    jobsByState: new Gauge({
      name: 'lanekeeper_jobs',
      help: 'Jobs in Redis by queue and state, read when scraped.',
      labelNames: ['queue', 'state'],
      registers: [registry],
    }),
    queueLatency: new Histogram({
      name: 'lanekeeper_queue_latency_seconds',
      help: 'Time from a job being queued to a worker starting it.',
      labelNames: ['queue'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    nudgesSent: new Counter({
      name: 'lanekeeper_nudges_sent_total',
      help: 'Nudges delivered to product managers, by delivery mode.',
      labelNames: ['mode'],
      registers: [registry],
    }),
    nudgesOutcomeUnknown: new Counter({
      name: 'lanekeeper_nudges_outcome_unknown_total',
      help: 'Nudges whose send attempt timed out or whose worker died during the call, by delivery mode; ephemeral ones are not sent again.',
      labelNames: ['mode'],
      registers: [registry],
    }),
    slackApiErrors: new Counter({
      name: 'lanekeeper_slack_api_errors_total',
      help: 'Slack Web API calls that failed, by method and error code.',
      labelNames: ['method', 'error'],
      registers: [registry],
    }),
    slackRequests: new Counter({
      name: 'lanekeeper_slack_requests_total',
      help: 'Requests from Slack (HTTP and Socket Mode), by kind (event, command, interaction, unknown) and outcome (handled, malformed, unsigned, ignored, not_stored, late, failed).',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    }),
  };
}
