/**
 * Whether to start the sandbox at all: only when not one Slack variable is set. Kept free of
 * imports so `src/main.ts` can ask without loading the sandbox (or its development-only
 * dependencies) in production; a partial Slack configuration is left to the config check, which
 * exits 2.
 */

/** The Slack variables `src/config.ts` reads. */
export const SLACK_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const;

/** True when not one Slack variable is set (empty counts as unset, as in the bot's config). */
export function noSlackConfigured(env: Readonly<Record<string, string | undefined>>): boolean {
  return SLACK_VARIABLES.every((name) => (env[name] ?? '') === '');
}
