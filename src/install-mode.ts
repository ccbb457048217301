import { decodeEncryptionKey } from './store/token-cipher';

/**
 * Which of the two ways lanekeeper serves Slack, read from the environment (config.ts calls this):
 *
 * - single-workspace: `SLACK_BOT_TOKEN`, one workspace, the way a team self-hosts for itself;
 * - multi-workspace: `SLACK_CLIENT_ID`, `SLACK_CLIENT_SECRET` and `SLACK_STATE_SECRET`, installed
 *   with "Add to Slack" into any number of workspaces (and Enterprise Grid orgs), each installation
 *   stored encrypted with `INSTALLATION_ENCRYPTION_KEY`.
 *
 * Setting both is refused rather than guessed at: a deployment would otherwise serve one workspace
 * while its operator believes it serves many, or the reverse.
 */

export type InstallMode =
  | { readonly kind: 'single'; readonly botToken: string }
  | {
      readonly kind: 'multi';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly stateSecret: string;
      /** 32 bytes: the AES-256-GCM key installations are encrypted with. */
      readonly encryptionKey: Buffer;
    };

/** One thing wrong, named by the variable to fix. Never carries a received value (it may be a secret). */
export interface ModeProblem {
  variable: string;
  message: string;
}

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
const ALL_OAUTH = OAUTH_VARIABLES.join(', ');

export function readInstallMode(env: Readonly<Record<string, unknown>>): { mode?: InstallMode; problems: ModeProblem[] } {
  const value = (name: string): string | undefined => {
    const set = env[name];
    return typeof set === 'string' && set !== '' ? set : undefined;
  };
  const botToken = value('SLACK_BOT_TOKEN');
  const oauthSet = OAUTH_VARIABLES.filter((name) => value(name) !== undefined);

  if (botToken !== undefined && oauthSet.length > 0) {
    return {
      problems: [
        {
          variable: 'SLACK_BOT_TOKEN',
          message: `and ${oauthSet.join(', ')} are both set: set SLACK_BOT_TOKEN for one workspace, or ${ALL_OAUTH} (and no SLACK_BOT_TOKEN) for many`,
        },
      ],
    };
  }

  if (oauthSet.length === 0) {
    if (botToken === undefined) {
      return { problems: [{ variable: 'SLACK_BOT_TOKEN', message: `is required (the bot token, xoxb-...), or set ${ALL_OAUTH} for many workspaces` }] };
    }
    if (!botToken.startsWith('xoxb-')) return { problems: [{ variable: 'SLACK_BOT_TOKEN', message: 'must start with xoxb-' }] };
    return { mode: { kind: 'single', botToken }, problems: [] };
  }

  const problems: ModeProblem[] = OAUTH_VARIABLES.filter((name) => value(name) === undefined).map((variable) => ({
    variable,
    message: `is required in multi-workspace mode (${ALL_OAUTH} go together)`,
  }));
  const rawKey = value('INSTALLATION_ENCRYPTION_KEY');
  const encryptionKey = rawKey === undefined ? undefined : decodeEncryptionKey(rawKey);
  if (rawKey === undefined) {
    problems.push({ variable: 'INSTALLATION_ENCRYPTION_KEY', message: 'is required in multi-workspace mode (32 random bytes in base64, e.g. `openssl rand -base64 32`)' });
  } else if (encryptionKey === undefined) {
    problems.push({ variable: 'INSTALLATION_ENCRYPTION_KEY', message: 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)' });
  }
  if (value('SLACK_APP_TOKEN') !== undefined) {
    problems.push({ variable: 'SLACK_APP_TOKEN', message: 'cannot be used in multi-workspace mode: installs need the HTTP pages /slack/install and /slack/oauth_redirect' });
  }
  if (problems.length > 0 || encryptionKey === undefined) return { problems };
  return {
    mode: {
      kind: 'multi',
      clientId: value('SLACK_CLIENT_ID') as string,
      clientSecret: value('SLACK_CLIENT_SECRET') as string,
      stateSecret: value('SLACK_STATE_SECRET') as string,
      encryptionKey,
    },
    problems: [],
  };
}
