import { INSTALL_PATH, REDIRECT_PATH } from '../slack/install-pages';

/**
 * "Add to Slack", pressed by the sandbox itself at start: the steps a person's browser takes, on
 * the bot's real install pages and the local Slack's authorize page. The bot gets its token for the
 * workspace from `oauth.v2.access` and keeps it (encrypted) in its installation store, exactly as
 * in production; the sandbox never sees the token.
 */
export class InstallFailed extends Error {
  constructor(teamId: string, step: string, status: number) {
    super(`the sandbox could not install lanekeeper into workspace ${teamId}: ${step} answered HTTP ${status}`);
    this.name = 'InstallFailed';
  }
}

/** The bot's redirect URL, which the app's settings on Slack name (the local Slack sends the browser there). */
export function redirectUrlOf(botBase: string): string {
  return `${botBase}${REDIRECT_PATH}`;
}

/**
 * Opens the bot's install page, follows its "Add to Slack" button to Slack's authorize page, picks
 * the workspace there and allows, and follows the redirect back to the bot with the state cookie.
 * Resolves once the bot's page says the install worked.
 */
export async function installInto(botBase: string, teamId: string): Promise<void> {
  const landing = await fetch(`${botBase}${INSTALL_PATH}`);
  const page = await landing.text();
  if (landing.status !== 200) throw new InstallFailed(teamId, INSTALL_PATH, landing.status);
  // The state cookie ties the redirect to the browser that started the install.
  const cookie = (landing.headers.get('set-cookie') ?? '').split(';')[0];
  const href = /<a class="button" href="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
  if (!href) throw new InstallFailed(teamId, `${INSTALL_PATH} (no "Add to Slack" button)`, landing.status);

  const authorize = new URL(href);
  // The workspace the person picks on Slack's page.
  authorize.searchParams.set('team', teamId);
  const fromSlack = await fetch(authorize, { redirect: 'manual' });
  const back = fromSlack.headers.get('location');
  if (fromSlack.status !== 302 || !back) throw new InstallFailed(teamId, 'the authorize page', fromSlack.status);

  const done = await fetch(back, { headers: { cookie } });
  await done.text();
  if (done.status !== 200) throw new InstallFailed(teamId, REDIRECT_PATH, done.status);
}
