import { z } from 'zod';

/**
 * The shape a Slack request body must have before Bolt or a listener reads it. Bolt dereferences
 * fields without checking them (`body.event.type`, `body.authorizations[0]`, `body.user.id`), and
 * our listeners build job ids from ids they take to be strings; a body that breaks either would
 * crash the request (or the process). Checked here once, at the edge, for HTTP and Socket Mode
 * alike. Pure: the caller answers, counts and logs.
 *
 * The checks follow Bolt's own order of recognising a body (`getTypeAndConversation`): a body
 * with an `event` is an event, then `command`, then interactivity. Only what Bolt or our listeners
 * read is checked; everything else passes through untouched.
 */

export type SlackRequestKind = 'event' | 'command' | 'interaction' | 'unknown';

export type SlackBodyVerdict =
  /** Hand it to Bolt. */
  | { verdict: 'process'; kind: SlackRequestKind }
  /** A Slack request the app has nothing to do with (e.g. `app_rate_limited`): answer 200, drop. */
  | { verdict: 'ignore'; kind: SlackRequestKind; reason: string }
  /** A Slack request that can never be processed: answer 200, count, log the problems. */
  | { verdict: 'malformed'; kind: SlackRequestKind; problems: string[] }
  /** Not a Slack request body at all (not an object): answer 400. */
  | { verdict: 'not_slack'; kind: 'unknown'; problems: string[] };

/** Uppercase letters, digits and underscores: what Slack's team, user and enterprise ids are made of. */
const slackId = z.string().regex(/^[A-Z0-9_]+$/, 'must be a Slack id');
const optionalString = z.string().optional();

const eventEnvelope = z.looseObject({
  type: z.literal('event_callback'),
  team_id: slackId,
  enterprise_id: slackId.nullish(),
  event_id: optionalString,
  // Bolt reads the first authorization to tell an org-wide install from a workspace one.
  authorizations: z.array(z.looseObject({ team_id: slackId.nullish(), enterprise_id: slackId.nullish() })).optional(),
  event: z.looseObject({ type: z.string().min(1), subtype: optionalString }),
});

/** The fields our listeners read from the events they handle (message events are read in incoming-message.ts). */
const EVENT_FIELDS: Record<string, z.ZodType> = {
  app_home_opened: z.looseObject({ user: slackId, tab: optionalString }),
  tokens_revoked: z.looseObject({
    tokens: z.looseObject({ bot: z.array(z.string()).optional(), oauth: z.array(z.string()).optional() }).optional(),
  }),
};

const slashCommand = z.looseObject({
  command: z.string().min(1),
  team_id: slackId,
  user_id: slackId,
  channel_id: z.string().min(1),
  enterprise_id: slackId.optional(),
  text: optionalString,
  response_url: optionalString,
  trigger_id: optionalString,
});

const interaction = z.looseObject({
  type: z.string().min(1),
  user: z.looseObject({ id: slackId, team_id: slackId.optional() }),
  team: z.looseObject({ id: slackId }).nullish(),
  enterprise: z.looseObject({ id: slackId }).nullish(),
  channel: z.looseObject({ id: z.string() }).nullish(),
  container: z.looseObject({}).optional(),
  view: z.looseObject({ id: z.string() }).optional(),
  response_url: optionalString,
  trigger_id: optionalString,
});

const blockActions = interaction.extend({
  actions: z
    .array(z.looseObject({ action_id: z.string().min(1), block_id: optionalString, value: optionalString, action_ts: z.string().min(1) }))
    .min(1),
});

/** Interactivity types Bolt hands to listeners (the rest of `type` values it cannot route). */
const INTERACTION_TYPES = new Set(['block_actions', 'block_suggestion', 'interactive_message', 'dialog_submission', 'shortcut', 'message_action', 'view_submission', 'view_closed']);

/** Bodies Slack sends that need only a 200 (https://api.slack.com/events-api#rate_limiting). */
const IGNORED_TYPES = new Set(['app_rate_limited']);

export function checkSlackBody(body: unknown): SlackBodyVerdict {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { verdict: 'not_slack', kind: 'unknown', problems: [`body: expected an object, received ${describeType(body)}`] };
  }
  const fields = body as Record<string, unknown>;
  if (fields.type === 'url_verification' || fields.ssl_check !== undefined) return { verdict: 'process', kind: 'unknown' };
  if (typeof fields.type === 'string' && IGNORED_TYPES.has(fields.type)) return { verdict: 'ignore', kind: 'event', reason: fields.type };

  if (fields.event !== undefined) {
    // Bolt takes any body with an `event` for an event, a click included.
    if (fields.type !== 'event_callback') return { verdict: 'malformed', kind: 'unknown', problems: ['event: only an event_callback body carries an event'] };
    const problems = problemsOf(eventEnvelope, fields);
    if (problems.length === 0) {
      const event = fields.event as { type: string };
      const eventFields = Object.hasOwn(EVENT_FIELDS, event.type) ? EVENT_FIELDS[event.type] : undefined;
      if (eventFields) problems.push(...problemsOf(eventFields, event, 'event'));
    }
    return verdictOf('event', problems);
  }
  if (fields.command !== undefined) return verdictOf('command', problemsOf(slashCommand, fields));
  if (fields.actions !== undefined || fields.type === 'block_actions') {
    return verdictOf('interaction', problemsOf(fields.type === 'block_actions' ? blockActions : interaction, fields));
  }
  if (typeof fields.type === 'string' && INTERACTION_TYPES.has(fields.type)) return verdictOf('interaction', problemsOf(interaction, fields));
  return { verdict: 'malformed', kind: 'unknown', problems: ['body: not an event, a slash command or an interaction'] };
}

function verdictOf(kind: SlackRequestKind, problems: string[]): SlackBodyVerdict {
  return problems.length === 0 ? { verdict: 'process', kind } : { verdict: 'malformed', kind, problems };
}

/** Paths and zod's wording only: never the received values, which may hold message text or tokens. */
function problemsOf(schema: z.ZodType, value: unknown, under?: string): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.slice(0, 5).map((issue) => `${[under, ...issue.path].filter((p) => p !== undefined).join('.') || 'body'}: ${issue.message}`);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
