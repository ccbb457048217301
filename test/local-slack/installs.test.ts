import { WebClient } from '@slack/web-api';
import { createRecordingLogger } from '../../scripts/local-slack/recording-logger';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';

/** Several workspaces, OAuth installs, an org-wide install, token rotation and uninstalls on the local Slack. */
const OAUTH = { clientId: '111.222', clientSecret: 'local-client-secret', redirectUri: 'http://127.0.0.1:1/slack/oauth_redirect' };

describe('local Slack with several workspaces', () => {
  let local: LocalSlack;

  beforeEach(async () => {
    local = await startLocalSlack({ oauth: OAUTH, botToken: 'xoxb-first-workspace' });
    local.addTeam({ teamId: 'T0AAA', teamName: 'Alpha' }).addUser({ id: 'U0ALICE', name: 'alice' });
    local.addTeam({ teamId: 'T0BBB', teamName: 'Beta' }).addUser({ id: 'U0BOB', name: 'bob' });
    local.addTeam({ teamId: 'T0GR1', enterpriseId: 'E0GRID', enterpriseName: 'Grid Co' }).addChannel({ id: 'C0GR1', name: 'one' });
    local.addTeam({ teamId: 'T0GR2', enterpriseId: 'E0GRID', enterpriseName: 'Grid Co' }).addChannel({ id: 'C0GR2', name: 'two' });
  });
  afterEach(async () => {
    await local.close();
  });

  const client = (token?: string) => new WebClient(token, { slackApiUrl: local.url, logger: createRecordingLogger('web-client'), retryConfig: { retries: 0 } });

  /** The browser's part: open the authorize URL for a workspace (or org) and follow Slack's redirect back. */
  async function approve(pick: { team: string } | { enterprise: string }, state = 'some-state'): Promise<URL> {
    const url = new URL(local.authorizeUrl);
    url.search = new URLSearchParams({ client_id: OAUTH.clientId, scope: 'chat:write,users:read', state, ...pick }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }

  it('installs into a workspace by code, and its token reaches that workspace only', async () => {
    const back = await approve({ team: 'T0AAA' });
    expect(back.searchParams.get('state')).toBe('some-state');
    const code = back.searchParams.get('code') ?? '';
    const installed = await client().oauth.v2.access({ client_id: OAUTH.clientId, client_secret: OAUTH.clientSecret, code });
    expect(installed).toMatchObject({ ok: true, token_type: 'bot', team: { id: 'T0AAA', name: 'Alpha' }, enterprise: null, is_enterprise_install: false, authed_user: { id: 'U0ALICE' } });

    const alpha = client(installed.access_token);
    expect(await alpha.auth.test()).toMatchObject({ team_id: 'T0AAA' });
    expect((await alpha.users.info({ user: 'U0ALICE' })).user?.name).toBe('alice');
    await expect(alpha.users.info({ user: 'U0BOB' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    await alpha.chat.postMessage({ channel: 'C0ALPHA', text: 'hello alpha' });
    expect(local.workspace('T0AAA').messages('C0ALPHA')).toHaveLength(1);
    expect(local.workspace('T0BBB').messages('C0ALPHA')).toHaveLength(0);
    // A code works once.
    await expect(client().oauth.v2.access({ client_id: OAUTH.clientId, client_secret: OAUTH.clientSecret, code })).rejects.toMatchObject({ data: { error: 'invalid_code' } });
  });

  it('installs org-wide on Enterprise Grid, one token serving each workspace of the org', async () => {
    const back = await approve({ enterprise: 'E0GRID' });
    const installed = await client().oauth.v2.access({ client_id: OAUTH.clientId, client_secret: OAUTH.clientSecret, code: back.searchParams.get('code') ?? '' });
    expect(installed).toMatchObject({ team: null, enterprise: { id: 'E0GRID', name: 'Grid Co' }, is_enterprise_install: true });
    const org = client(installed.access_token);
    expect(await org.auth.test()).toMatchObject({ enterprise_id: 'E0GRID', is_enterprise_install: true });
    await org.chat.postMessage({ channel: 'C0GR2', text: 'hello two' });
    expect(local.workspace('T0GR2').messages('C0GR2')).toHaveLength(1);
    expect(local.workspace('T0GR1').messages('C0GR2')).toHaveLength(0);
  });

  it('lists an org\'s people one workspace at a time: an org-wide token must name the workspace', async () => {
    local.workspace('T0GR1').addUser({ id: 'U0ONE', name: 'one' });
    local.workspace('T0GR2').addUser({ id: 'U0TWO', name: 'two' });
    const org = client(local.mintToken({ enterpriseId: 'E0GRID' }).token);
    await expect(org.users.list({ limit: 100 })).rejects.toMatchObject({ data: { error: 'missing_argument' } });
    const two = await org.users.list({ limit: 100, team_id: 'T0GR2' });
    expect(two.members?.map((m) => m.id)).toContain('U0TWO');
    expect(two.members?.map((m) => m.id)).not.toContain('U0ONE');
    // A workspace's own token needs no team id.
    expect((await client(local.mintToken({ teamId: 'T0AAA' }).token).users.list({ limit: 100 })).members?.map((m) => m.id)).toContain('U0ALICE');
  });

  it('refuses a wrong client secret and sends a refusal back when the person cancels', async () => {
    const code = (await approve({ team: 'T0BBB' })).searchParams.get('code') ?? '';
    await expect(client().oauth.v2.access({ client_id: OAUTH.clientId, client_secret: 'wrong', code })).rejects.toMatchObject({ data: { error: 'bad_client_secret' } });
    const url = new URL(local.authorizeUrl);
    url.search = new URLSearchParams({ client_id: OAUTH.clientId, scope: 'chat:write', state: 's', team: 'T0BBB', deny: '1' }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe('access_denied');
  });

  it('rotates tokens: a refresh token works once', async () => {
    const granted = local.mintToken({ teamId: 'T0BBB' }, true);
    const refresh = () => client().oauth.v2.access({ client_id: OAUTH.clientId, client_secret: OAUTH.clientSecret, grant_type: 'refresh_token', refresh_token: granted.refreshToken ?? '' });
    const renewed = await refresh();
    expect(renewed).toMatchObject({ ok: true, team: { id: 'T0BBB' }, expires_in: 43200 });
    expect(renewed.access_token).not.toBe(granted.token);
    await expect(refresh()).rejects.toMatchObject({ data: { error: 'invalid_refresh_token' } });
    expect(await client(renewed.access_token).auth.test()).toMatchObject({ team_id: 'T0BBB' });
  });

  it('revokes a workspace’s tokens on uninstall and leaves the others working', async () => {
    const alpha = local.mintToken({ teamId: 'T0AAA' });
    const beta = local.mintToken({ teamId: 'T0BBB' });
    local.uninstall({ teamId: 'T0AAA' });
    await expect(client(alpha.token).auth.test()).rejects.toMatchObject({ data: { error: 'token_revoked' } });
    expect(await client(beta.token).auth.test()).toMatchObject({ team_id: 'T0BBB' });
    // The first workspace keeps answering to its configured token.
    expect(await client('xoxb-first-workspace').auth.test()).toMatchObject({ team_id: local.teamId });
  });
});
