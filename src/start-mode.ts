/**
 * What `npm start` runs: the bot, or, on a fresh clone with not one Slack variable set, the local
 * sandbox. Kept free of imports so `src/main.ts` can decide without loading the sandbox (or its
 * development-only dependencies). A partial Slack configuration is left to the config check, which
 * exits 2. In production (`NODE_ENV=production`) a missing configuration is an error, never the
 * sandbox: a deployment that lost its settings must fail loudly, not serve a demo.
 */

/** The Slack variables `src/config.ts` reads. */
export const SLACK_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_API_URL',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'INSTALLATION_ENCRYPTION_KEY',
] as const;

/** True when not one Slack variable is set (empty counts as unset, as in the bot's config). */
export function noSlackConfigured(env: Readonly<Record<string, string | undefined>>): boolean {
  return SLACK_VARIABLES.every((name) => (env[name] ?? '') === '');
}

/** What to set, for either mode: said whenever the bot cannot start for want of Slack variables. */
export const SLACK_SETUP_HINT =
  'set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, INSTALLATION_ENCRYPTION_KEY and SLACK_SIGNING_SECRET for many';

export type StartMode = { run: 'bot' } | { run: 'sandbox' } | { run: 'refuse'; problem: string };

export function startModeOf(env: Readonly<Record<string, string | undefined>>): StartMode {
  if (!noSlackConfigured(env)) return { run: 'bot' };
  if (env.NODE_ENV === 'production') {
    return {
      run: 'refuse',
      problem: `no Slack variable is set (${SLACK_VARIABLES.join(', ')}); NODE_ENV=production never starts the sandbox: ${SLACK_SETUP_HINT}`,
    };
  }
  return { run: 'sandbox' };
}
