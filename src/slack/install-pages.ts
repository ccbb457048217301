import type { ServerResponse } from 'node:http';
import type { HTTPReceiverOptions } from '@slack/bolt';
import type { Logger } from '../logger';
import type { OAuthStateStore } from '../store/oauth-states';

/**
 * The browser side of "Add to Slack" in multi-workspace mode: `GET /slack/install` (a page with the
 * button, the authorize URL carrying the bot scopes and a fresh state) and `GET
 * /slack/oauth_redirect` (Bolt's InstallProvider checks the state against the cookie and the state
 * store, exchanges the code with `oauth.v2.access` and stores the installation; these pages then
 * tell the person what happened and what to do next).
 */

/** The bot scopes installs ask for: manifest.yml's `oauth_config.scopes.bot` (a test keeps them equal). */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'groups:history',
  'im:history',
  'mpim:history',
  'chat:write',
  'im:write',
  'users:read',
  'commands',
] as const;

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

export interface InstallPagesOptions {
  stateStore: OAuthStateStore;
  apiUrl: string;
  logger: Logger;
}

type InstallerOptions = NonNullable<HTTPReceiverOptions['installerOptions']>;

/** What the HTTP receiver needs to serve both pages (`scopes` and `installerOptions`). */
export function installPages({ stateStore, apiUrl, logger }: InstallPagesOptions): { scopes: string[]; installerOptions: InstallerOptions } {
  return {
    scopes: [...BOT_SCOPES],
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      stateStore,
      stateVerification: true,
      directInstall: false,
      authorizationUrl: authorizeUrlFor(apiUrl),
      // oauth.v2.access goes through the same Web API base URL as every other call.
      clientOptions: { slackApiUrl: apiUrl },
      renderHtmlForInstallPath: (url) => installPage(url),
      installPathOptions: {
        // Before a state is stored: past the cap, or with Redis away, a page saying so instead.
        beforeRedirection: async (_req, res) => {
          const admitted = await stateStore.admitInstallStart().catch((error: Error) => {
            logger.warn({ err: { message: error.message } }, 'install page not served: the state store did not answer');
            sendPage(res, 503, 'Please try again in a moment', '<p>lanekeeper could not start the install just now. Nothing was installed.</p>');
            return undefined;
          });
          if (admitted === false) {
            logger.warn('install page not served: too many install starts this minute');
            res.setHeader('retry-after', '60');
            sendPage(res, 429, 'Please try again in a minute', '<p>Too many installs were started in the last minute. Nothing was installed; reload this page in a minute.</p>');
          }
          return admitted === true;
        },
      },
      callbackOptions: {
        success: (installation, _options, _req, res) => {
          const where = installation.isEnterpriseInstall ? installation.enterprise?.name ?? 'your organisation' : installation.team?.name ?? 'your workspace';
          logger.info({ team: installation.team?.id, enterprise: installation.enterprise?.id, orgWide: Boolean(installation.isEnterpriseInstall) }, 'installed');
          sendPage(res, 200, 'lanekeeper is installed', successBody(where, Boolean(installation.isEnterpriseInstall)));
        },
        failure: (error, _options, _req, res) => {
          const failure = failureOf(error.code);
          logger.warn({ code: error.code }, 'install not completed');
          sendPage(res, failure.status, failure.title, failure.body);
        },
      },
    },
  };
}

/**
 * Slack's authorize page sits beside its Web API: https://slack.com/api/ → https://slack.com/oauth/v2/authorize
 * (GovSlack: slack-gov.com; tests: the local Slack).
 */
export function authorizeUrlFor(apiUrl: string): string {
  return new URL('../oauth/v2/authorize', apiUrl).toString();
}

function failureOf(code: string | undefined): { status: number; title: string; body: string } {
  const again = `<p><a href="${INSTALL_PATH}">Start the install again</a>.</p>`;
  switch (code) {
    case 'slack_oauth_invalid_state':
    case 'slack_oauth_missing_state':
      return {
        status: 400,
        title: 'This install link is no longer valid',
        body: `<p>The link has expired, was already used, or was opened in another browser than the one that started the install. Nothing was installed.</p>${again}`,
      };
    case 'slack_oauth_installer_authorization_error':
      return { status: 400, title: 'The install was cancelled', body: `<p>Slack reports that the install was not allowed. Nothing was installed.</p>${again}` };
    case 'slack_oauth_missing_code':
      return { status: 400, title: 'This is not a complete install link', body: `<p>The link back from Slack carries no authorization code. Nothing was installed.</p>${again}` };
    default:
      return {
        status: 502,
        title: 'Slack did not complete the install',
        body: `<p>Slack did not confirm the install, or it could not be stored. Nothing was installed; please try again in a moment.</p>${again}`,
      };
  }
}

function installPage(authorizeUrl: string): string {
  return page(
    'Add lanekeeper to Slack',
    `<p>lanekeeper notices project-management work landing on product managers and suggests a tactful hand-off.</p>
<p><a class="button" href="${escapeHtml(authorizeUrl)}">Add to Slack</a></p>
<p class="small">On Enterprise Grid, an org admin can install it for the whole organisation from the same button.</p>`,
  );
}

function successBody(where: string, orgWide: boolean): string {
  return `<p>lanekeeper is now installed in <strong>${escapeHtml(where)}</strong>${orgWide ? ' (every workspace of the organisation the admin adds it to)' : ''}.</p>
<p>Next:</p>
<ol>
<li>Invite it to the channels where work is handed out: <code>/invite @lanekeeper</code>.</li>
<li>Product managers check their role with <code>/lane role</code> (set it with <code>/lane role product</code> when their Slack title does not say).</li>
<li>Open lanekeeper's Home tab in Slack for the week's picture; <code>/lane help</code> lists everything else.</li>
</ol>`;
}

function sendPage(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page(title, body));
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
.button{display:inline-block;background:#4a154b;color:#fff;padding:.6rem 1.2rem;border-radius:.3rem;text-decoration:none;font-weight:600}
.small{color:#555;font-size:.9rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
