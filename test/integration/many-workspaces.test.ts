import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { appHomeOpenedEvent, appUninstalledEvent, messageEvent, SlackRequestSender, teamAccessRevokedEvent, type EventEnvelope } from '../../scripts/local-slack/requests';
import { startLocalSlack, type LocalSlack, type RecordedCall } from '../../scripts/local-slack/web-api';
import { createApp, type LanekeeperApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { isoWeekOf, nextIsoWeek, slotInstant } from '../../src/core/digest/calendar';
import { HOME_ACTIONS } from '../../src/features/home/section';
import { createLogger } from '../../src/logger';
import { BOT_SCOPES } from '../../src/slack/install-pages';
import { installStartsKey } from '../../src/store/oauth-states';
import { KeySpace } from '../../src/store/redis';
import { CAST, REDIS_URL, SIGNING_SECRET, captureLogs, deleteKeys, testAppEnv, waitFor, waitForIdle, zoneWhereItIsHour, type LogCapture } from '../support/harness';

/**
 * Multi-workspace mode end to end: installs through the real pages and the local Slack's OAuth,
 * then signed events, commands and clicks from several workspaces (and an Enterprise Grid org)
 * into one app, on the real Redis. Every call to Slack is checked for the workspace's own token.
 */
const OAUTH = { clientId: '1111.2222', clientSecret: 'multi-client-secret' };
const ALPHA = 'T0ALPHA';
const BETA = 'T0BETA';
const GRID = 'E0GRID';
const GRID_TEAM = 'T0GRID1';
const GRID_TEAM_2 = 'T0GRID2';
const tz = zoneWhereItIsHour(12);

type Pick = { team: string } | { enterprise: string };
interface Browsed {
  status: number;
  page: string;
  /** Where Slack sent the browser back to, and the state cookie it carried: enough to replay it. */
  redirect: string;
  cookie: string;
}

describe('many workspaces', () => {
  let slack: LocalSlack;
  let app: LanekeeperApp;
  let base: string;
  let sender: SlackRequestSender;
  let prefix: string;
  let redis: Redis;
  let logs: LogCapture;

  beforeEach(async () => {
    slack = await startLocalSlack({ oauth: { ...OAUTH, tokenRotation: true } });
    slack.addTeam({ teamId: ALPHA, teamName: 'Alpha' });
    slack.addTeam({ teamId: BETA, teamName: 'Beta' });
    slack.addTeam({ teamId: GRID_TEAM, teamName: 'Grid One', enterpriseId: GRID, enterpriseName: 'Grid Co' });
    slack.addTeam({ teamId: GRID_TEAM_2, teamName: 'Grid Two', enterpriseId: GRID, enterpriseName: 'Grid Co' });
    for (const team of [ALPHA, BETA, GRID_TEAM, GRID_TEAM_2]) {
      for (const person of Object.values(CAST)) slack.workspace(team).addUser({ ...person, tz });
    }
    prefix = `lktest-${randomUUID().slice(0, 8)}`;
    const captured = captureLogs();
    logs = captured.capture;
    const config = parseConfig({
      SLACK_CLIENT_ID: OAUTH.clientId,
      SLACK_CLIENT_SECRET: OAUTH.clientSecret,
      SLACK_STATE_SECRET: 'multi-state-secret',
      INSTALLATION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ...testAppEnv(slack.url, prefix),
    });
    app = createApp({ config, logger: createLogger({ level: 'debug', destination: captured.destination }), processMetrics: false });
    const { port } = await app.start();
    base = `http://127.0.0.1:${port}`;
    slack.setRedirectUri(`${base}/slack/oauth_redirect`);
    sender = new SlackRequestSender({ baseUrl: base, signingSecret: SIGNING_SECRET, responseUrlFor: () => slack.responseUrl() });
    redis = new Redis(REDIS_URL);
  });

  afterEach(async () => {
    await app.stop();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await slack.close();
  });

  /** A person in a browser: the install page, Slack's authorize page (picking a workspace or an org), back to the app. */
  async function browseInstall(pick: Pick, { keepCookie = true } = {}): Promise<Browsed> {
    const landing = await fetch(`${base}/slack/install`);
    const html = await landing.text();
    const cookie = (landing.headers.get('set-cookie') ?? '').split(';')[0];
    const href = /<a class="button" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const authorize = new URL(href);
    for (const [key, value] of Object.entries(pick)) authorize.searchParams.set(key, value);
    const fromSlack = await fetch(authorize, { redirect: 'manual' });
    const redirect = fromSlack.headers.get('location') ?? '';
    const back = await fetch(redirect, { headers: keepCookie ? { cookie } : {} });
    return { status: back.status, page: await back.text(), redirect, cookie };
  }

  /** Installs and answers the bot token Slack granted. */
  async function install(pick: Pick): Promise<string> {
    const before = slack.callsTo('oauth.v2.access').length;
    const browsed = await browseInstall(pick);
    expect(browsed.status).toBe(200);
    const granted = slack.callsTo('oauth.v2.access')[before];
    return (granted.response as { access_token: string }).access_token;
  }

  const botOf = (team: string) => slack.workspace(team).botUserId;
  const handOff = (team: string, to: string, fields: Partial<Parameters<typeof messageEvent>[0]> = {}): EventEnvelope =>
    messageEvent({ team, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${to}> can you book the room for the retro and send the invites?`, botUserId: botOf(team), ...fields });
  const gridFields = { enterpriseId: GRID, isEnterpriseInstall: true };
  const withToken = (token: string) => (call: RecordedCall) => call.token === token;

  it('installs into two workspaces and a Grid org through /slack/install and /slack/oauth_redirect, and refuses a bad or replayed state', async () => {
    const landing = await fetch(`${base}/slack/install`);
    const html = await landing.text();
    expect(landing.status).toBe(200);
    expect(html).toContain('Add to Slack');
    const authorize = new URL(/<a class="button" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(slack.authorizeUrl);
    expect(authorize.searchParams.get('scope')?.split(',').sort()).toEqual([...BOT_SCOPES].sort());
    expect(authorize.searchParams.get('client_id')).toBe(OAUTH.clientId);

    const alpha = await browseInstall({ team: ALPHA });
    expect(alpha.status).toBe(200);
    expect(alpha.page).toContain('installed in <strong>Alpha</strong>');
    expect(alpha.page).toContain('/invite @lanekeeper');

    // The same redirect again (a replay, cookie and all): refused before any exchange with Slack.
    const exchanges = slack.callsTo('oauth.v2.access').length;
    const replay = await fetch(alpha.redirect, { headers: { cookie: alpha.cookie } });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('This install link is no longer valid');
    // A state this app never issued.
    const forged = await fetch(`${base}/slack/oauth_redirect?code=made-up&state=forged`, { headers: { cookie: 'slack-app-oauth-state=forged' } });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('Start the install again');
    // A redirect opened in another browser than the one that started the install.
    const otherBrowser = await browseInstall({ team: BETA }, { keepCookie: false });
    expect(otherBrowser.status).toBe(400);
    // The person pressed Cancel on Slack's page.
    const cancelled = await browseInstall({ team: BETA, deny: '1' } as Pick);
    expect(cancelled.status).toBe(400);
    expect(cancelled.page).toContain('The install was cancelled');
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(exchanges);

    const beta = await browseInstall({ team: BETA });
    expect(beta.page).toContain('installed in <strong>Beta</strong>');
    const org = await browseInstall({ enterprise: GRID });
    expect(org.status).toBe(200);
    expect(org.page).toContain('installed in <strong>Grid Co</strong>');

    // Three installations, tokens encrypted at rest.
    const stored = await redis.keys(`${prefix}:*installation`);
    expect(stored).toHaveLength(3);
    for (const key of stored) expect(await redis.get(key)).not.toContain('xoxb-');
  });

  it('serves no install page, and stores no state, past the cap on install starts a minute', async () => {
    // Strangers may open the page at will; each page stores a state for ten minutes.
    const keys = new KeySpace(prefix);
    for (const minute of [Date.now(), Date.now() + 60000]) await redis.set(installStartsKey(keys, minute), '120', 'EX', 120);
    const landing = await fetch(`${base}/slack/install`);
    expect(landing.status).toBe(429);
    expect(landing.headers.get('retry-after')).toBe('60');
    expect(await landing.text()).toContain('reload this page in a minute');
    expect(landing.headers.get('set-cookie')).toBeNull();
    expect(await redis.keys(`${prefix}:oauth-state:*`)).toEqual([]);
  });

  it('serves each workspace with its own token: nudges, /lane, buttons, the Home tab and digests', async () => {
    const tokens: Record<string, string> = { [ALPHA]: await install({ team: ALPHA }), [BETA]: await install({ team: BETA }), [GRID_TEAM]: await install({ enterprise: GRID }) };
    const extra = (team: string) => (team === GRID_TEAM ? gridFields : {});

    for (const team of [ALPHA, BETA, GRID_TEAM]) {
      const event = handOff(team, CAST.ana.id, extra(team));
      expect((await sender.sendEvent(event)).status).toBe(200);
      const nudge = await slack.waitForCall('chat.postEphemeral', (call) => call.params.thread_ts === event.event.ts);
      expect(nudge.token).toBe(tokens[team]);
      expect(nudge.params).toMatchObject({ user: CAST.ana.id, channel: 'C_PLAN' });
    }

    // /lane: one workspace's setting is not another's, though the person ids are the same.
    const lane = async (team: string, text: string) => {
      const grid = team === GRID_TEAM ? { enterpriseId: GRID, isEnterpriseInstall: true } : {};
      const answer = await sender.sendSlashCommand({ teamId: team, userId: CAST.ana.id, text, ...grid });
      expect(answer.status).toBe(200);
      return answer.body;
    };
    await lane(ALPHA, 'role project');
    expect(await lane(ALPHA, 'role')).toContain('*project*');
    expect(await lane(BETA, 'role')).toContain('*product*');
    expect(await lane(GRID_TEAM, 'role')).toContain('*product*');

    // The Home tab, opened and then changed with a button, in each workspace.
    for (const team of [ALPHA, BETA, GRID_TEAM]) {
      await sender.sendEvent(appHomeOpenedEvent({ team, user: CAST.ana.id, botUserId: botOf(team), ...extra(team) }));
      const opened = await slack.waitForCall('views.publish', withToken(tokens[team]));
      expect(opened.params.user_id).toBe(CAST.ana.id);
      const grid = team === GRID_TEAM ? gridFields : {};
      const click = sender.blockAction({ userId: CAST.ana.id, teamId: team, actionId: HOME_ACTIONS.digestOff, view: { id: `V${team}` }, ...grid });
      expect((await sender.sendInteraction(click)).status).toBe(200);
      await slack.waitForCalls('views.publish', 2, withToken(tokens[team]));
      expect(slack.workspace(team).homeView(CAST.ana.id)).toBeDefined();
    }
    await sender.sendInteraction(sender.blockAction({ userId: CAST.ana.id, teamId: BETA, actionId: HOME_ACTIONS.digestOn, view: { id: 'VBETA' } }));
    await sender.sendInteraction(sender.blockAction({ userId: CAST.ana.id, teamId: GRID_TEAM, actionId: HOME_ACTIONS.digestOn, view: { id: 'VGRID' }, ...gridFields }));
    await waitForIdle(app);

    // Digests: Ana turned hers back on in Beta and in the org's workspace, and left them off in Alpha.
    await app.runDigestTick(slotInstant(nextIsoWeek(isoWeekOf(Date.now(), tz)), { isoWeekday: 1, hour: 9 }, tz) + 5 * 60000);
    const digests = await slack.waitForCalls('chat.postMessage', 2, (call) => String(call.params.channel).startsWith('D'));
    expect(digests.map((call) => call.token).sort()).toEqual([tokens[BETA], tokens[GRID_TEAM]].sort());
    await waitForIdle(app);
    expect(slack.callsTo('chat.postMessage').filter((call) => String(call.params.channel).startsWith('D'))).toHaveLength(2);
    for (const team of [BETA, GRID_TEAM]) expect(slack.workspace(team).messages(`D${CAST.ana.id}`)).toHaveLength(1);
    expect(slack.workspace(ALPHA).messages(`D${CAST.ana.id}`)).toHaveLength(0);
  });

  it('resolves a plain-named assignee on an org-wide install, listing the people of the event\'s workspace', async () => {
    const token = await install({ enterprise: GRID });
    slack.workspace(GRID_TEAM).addUser({ ...CAST.ana, tz, real_name: 'Ana Souza' });
    const event = messageEvent({
      team: GRID_TEAM,
      channel: 'C_PLAN',
      user: 'U_TRACKER',
      botId: 'B_TRACKER',
      text: '',
      botUserId: botOf(GRID_TEAM),
      ...gridFields,
      extra: { attachments: [{ pretext: 'New task created', title: 'OPS-40 Book the venue for the offsite', fields: [{ title: 'Assignee', value: 'Ana Souza' }] }] },
    });
    expect((await sender.sendEvent(event)).status).toBe(200);
    const nudge = await slack.waitForCall('chat.postEphemeral');
    expect(nudge).toMatchObject({ token, params: { user: CAST.ana.id } });
    expect(slack.callsTo('users.list').map((call) => call.params.team_id)).toEqual([GRID_TEAM]);
  });

  it('isolation: one workspace\'s records never show in another\'s Home tab or digest, for the same person ids', async () => {
    const tokens: Record<string, string> = { [ALPHA]: await install({ team: ALPHA }), [BETA]: await install({ team: BETA }) };
    // Room bookings land on Ana (and Ben) in Alpha; in Beta, the same ids, one invoice for Ana.
    for (const [n, pm] of [CAST.ana.id, CAST.ana.id, CAST.ben.id].entries()) await sender.sendEvent(handOff(ALPHA, pm, { channel: `C_PLAN${n}` }));
    await sender.sendEvent(messageEvent({ team: BETA, channel: 'C_FIN', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you chase the vendor invoice and get it paid?`, botUserId: botOf(BETA) }));
    await slack.waitForCalls('chat.postEphemeral', 4);
    await waitForIdle(app);

    const homeText = async (team: string) => {
      const before = slack.callsTo('views.publish').filter(withToken(tokens[team])).length;
      await sender.sendEvent(appHomeOpenedEvent({ team, user: CAST.ana.id, botUserId: botOf(team) }));
      await slack.waitForCalls('views.publish', before + 1, withToken(tokens[team]));
      return JSON.stringify(slack.workspace(team).homeView(CAST.ana.id));
    };
    const alphaHome = await homeText(ALPHA);
    const betaHome = await homeText(BETA);
    expect(alphaHome).toContain('2 pieces of project work');
    expect(alphaHome).toContain('meeting logistics 2');
    expect(betaHome).toContain('1 piece of project work');
    expect(betaHome).not.toContain('meeting logistics');

    await waitForIdle(app);
    await app.runDigestTick(slotInstant(nextIsoWeek(isoWeekOf(Date.now(), tz)), { isoWeekday: 1, hour: 9 }, tz) + 5 * 60000);
    await slack.waitForCalls('chat.postMessage', 3, (call) => String(call.params.channel).startsWith('D'));
    await waitForIdle(app);
    const digestTo = (team: string, person: string) => JSON.stringify(slack.workspace(team).messages(`D${person}`));
    expect(digestTo(ALPHA, CAST.ana.id)).toContain('“book the room”');
    const betaDigest = digestTo(BETA, CAST.ana.id);
    expect(betaDigest).toContain('“chase the vendor invoice”');
    expect(betaDigest).toContain('1 piece of project work');
    for (const fromAlpha of ['book the room', 'meeting logistics', 't0alpha', 'C_PLAN']) expect(betaDigest).not.toContain(fromAlpha);
    // Ben had work only in Alpha: no digest reaches him in Beta.
    expect(slack.workspace(ALPHA).messages(`D${CAST.ben.id}`)).toHaveLength(1);
    expect(slack.workspace(BETA).messages(`D${CAST.ben.id}`)).toHaveLength(0);
  });

  it('forgets an uninstalled workspace and leaves the other working with its data intact', async () => {
    const alphaToken = await install({ team: ALPHA });
    const betaToken = await install({ team: BETA });
    for (const team of [ALPHA, BETA]) await sender.sendEvent(handOff(team, CAST.ana.id));
    await slack.waitForCalls('chat.postEphemeral', 2);
    await waitForIdle(app);
    const betaKeys = (await redis.keys(`${prefix}:*${BETA}*`)).sort();
    expect(betaKeys.length).toBeGreaterThan(1);
    expect(await redis.keys(`${prefix}:*${ALPHA}*`)).not.toEqual([]);

    slack.uninstall({ teamId: ALPHA });
    expect((await sender.sendEvent(appUninstalledEvent({ team: ALPHA, botUserId: botOf(ALPHA) }))).status).toBe(200);
    // The second pass, a sweep for work that was in flight, is due in ten minutes: run it now.
    const secondPass = await waitFor(async () => (await app.queues.analyze.getDelayed()).find((job) => job.name === 'forget-workspace'), 'the second pass');
    await secondPass.promote();
    await waitForIdle(app);
    expect(await redis.keys(`${prefix}:*${ALPHA}*`)).toEqual([]);
    expect((await redis.keys(`${prefix}:*${BETA}*`)).sort()).toEqual(betaKeys);

    // Alpha's events are no longer taken; Beta carries on with its own token.
    slack.reset();
    // Answered 200 (a retry would not help), noted once.
    expect((await sender.sendEvent(handOff(ALPHA, CAST.ben.id))).status).toBe(200);
    expect(logs.lines.filter((line) => line.msg === 'a request for a workspace without an installation was ignored')).toHaveLength(1);
    const betaEvent = handOff(BETA, CAST.ben.id);
    await sender.sendEvent(betaEvent);
    const nudge = await slack.waitForCall('chat.postEphemeral');
    expect(nudge).toMatchObject({ token: betaToken, params: { thread_ts: betaEvent.event.ts } });
    await waitForIdle(app);
    expect(slack.calls.filter((call) => call.token === alphaToken)).toEqual([]);

    // Work for Alpha queued before it left fails once, without retrying, and says so once.
    await app.queues.deliver.add('publish-home', { teamId: ALPHA, userId: CAST.ana.id }, { jobId: 'late-home-alpha', attempts: 5 });
    await waitFor(async () => (await app.queues.deliver.getJob('late-home-alpha'))?.failedReason, 'the late job to fail');
    const job = await app.queues.deliver.getJob('late-home-alpha');
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/not_installed/);
    expect(logs.lines.filter((line) => line.jobId === 'late-home-alpha' && /failed/.test(String(line.msg)))).toHaveLength(1);

    // The same for a message queued for judgement before Alpha left (it reads profiles first).
    const lateMessage = { teamId: ALPHA, channelId: 'C_PLAN', ts: '1700000000.000100', userId: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room?`, edited: false, receivedAt: Date.now() };
    await app.queues.analyze.add('analyze-message', lateMessage, { jobId: 'late-analyze-alpha', attempts: 5 });
    await waitFor(async () => {
      const job = await app.queues.analyze.getJob('late-analyze-alpha');
      return job && (job.attemptsMade > 1 || (await job.isFailed()));
    }, 'the late message to fail or be retried', 15000);
    const analyzed = await app.queues.analyze.getJob('late-analyze-alpha');
    expect(analyzed?.attemptsMade).toBe(1);
    expect(await analyzed?.isFailed()).toBe(true);
    expect(logs.lines.filter((line) => line.jobId === 'late-analyze-alpha' && /failed/.test(String(line.msg)))).toHaveLength(1);
    expect(slack.calls.filter((call) => call.token === alphaToken)).toEqual([]);
  });

  describe('Enterprise Grid: removing the app', () => {
    /** Installs org-wide, then a nudge and a /lane setting in each of the org's two workspaces. */
    async function orgInUse(): Promise<string> {
      const orgToken = await install({ enterprise: GRID });
      await install({ team: BETA });
      const teams = [GRID_TEAM, GRID_TEAM_2, BETA];
      const gridOf = (team: string) => (team === BETA ? {} : gridFields);
      for (const team of teams) await sender.sendEvent(handOff(team, CAST.ana.id, gridOf(team)));
      await slack.waitForCalls('chat.postEphemeral', 3);
      for (const team of teams) expect((await sender.sendSlashCommand({ teamId: team, userId: CAST.des.id, text: 'role project', ...gridOf(team) })).status).toBe(200);
      await waitForIdle(app);
      return orgToken;
    }
    const dataOf = (team: string) => redis.keys(new KeySpace(prefix).teamPattern(team));
    /** Lets the first cleanup passes finish, then runs the second ones (due in ten minutes) now. */
    async function finishCleanups(): Promise<void> {
      await waitFor(async () => Object.values(await app.queues.analyze.getJobCounts('waiting', 'active', 'prioritized')).every((count) => count === 0), 'the first passes');
      for (const job of await app.queues.analyze.getDelayed()) if (job.name === 'forget-workspace') await job.promote();
      await waitForIdle(app);
    }

    it('an org-wide uninstall forgets every workspace of the org, and no other', async () => {
      await orgInUse();
      const beta = (await dataOf(BETA)).sort();
      expect(await dataOf(GRID_TEAM_2)).not.toEqual([]);

      slack.uninstall({ enterpriseId: GRID });
      const uninstalled = appUninstalledEvent({ team: GRID_TEAM, botUserId: botOf(GRID_TEAM), ...gridFields });
      expect((await sender.sendEvent(uninstalled)).status).toBe(200);
      await finishCleanups();
      expect(await dataOf(GRID_TEAM)).toEqual([]);
      expect(await dataOf(GRID_TEAM_2)).toEqual([]);
      expect(await redis.keys(`${prefix}:*${GRID}*`)).toEqual([]);
      expect((await dataOf(BETA)).sort()).toEqual(beta);
    });

    it('team_access_revoked forgets the workspaces the org admin removed the app from, and the others carry on', async () => {
      const orgToken = await orgInUse();
      const gridOne = (await dataOf(GRID_TEAM)).sort();

      const revoked = teamAccessRevokedEvent({ team: GRID_TEAM, botUserId: botOf(GRID_TEAM), ...gridFields, teamIds: [GRID_TEAM_2] });
      expect((await sender.sendEvent(revoked)).status).toBe(200);
      await finishCleanups();
      expect(await dataOf(GRID_TEAM_2)).toEqual([]);
      expect((await dataOf(GRID_TEAM)).sort()).toEqual(gridOne);

      slack.reset();
      const event = handOff(GRID_TEAM, CAST.ben.id, gridFields);
      await sender.sendEvent(event);
      const nudge = await slack.waitForCall('chat.postEphemeral');
      expect(nudge).toMatchObject({ token: orgToken, params: { user: CAST.ben.id, thread_ts: event.event.ts } });
    });
  });

  it('refreshes an expired rotated token once, however many events arrive together', async () => {
    slack.setTokenLifetime(0);
    const first = await install({ team: ALPHA });
    slack.setTokenLifetime(43200);
    const events = [CAST.ana.id, CAST.ben.id].flatMap((pm) => [0, 1, 2, 3].map((n) => handOff(ALPHA, pm, { channel: `C_PLAN${n}` })));
    const answers = await Promise.all(events.map((event) => sender.sendEvent(event)));
    expect(answers.map((answer) => answer.status)).toEqual(events.map(() => 200));
    await slack.waitForCall('chat.postEphemeral');
    await waitForIdle(app);

    const refreshes = slack.callsTo('oauth.v2.access').filter((call) => call.params.grant_type === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    const renewed = (refreshes[0].response as { access_token: string }).access_token;
    const ephemerals = slack.callsTo('chat.postEphemeral');
    expect(ephemerals.length).toBeGreaterThan(0);
    expect(ephemerals.every((call) => call.token === renewed)).toBe(true);
    expect(slack.calls.filter((call) => call.token === first && call.method !== 'auth.test')).toEqual([]);
  });

  it('Slack Connect: reads settings under the installing workspace, so a product manager who snoozed is not nudged', async () => {
    const alphaToken = await install({ team: ALPHA });
    const snoozed = await sender.sendSlashCommand({ teamId: ALPHA, userId: CAST.ana.id, text: 'snooze 1w' });
    expect(snoozed.status).toBe(200);

    // A channel hosted by another organisation: the envelope's team is the host's, ours is in the authorization.
    const shared = { team: 'T0HOSTORG', installedTeam: ALPHA, channel: 'C_SHARED' };
    const toAna = handOff(ALPHA, CAST.ana.id, shared);
    const toBen = handOff(ALPHA, CAST.ben.id, shared);
    expect(toAna.team_id).toBe('T0HOSTORG');
    await sender.sendEvent(toAna);
    await sender.sendEvent(toBen);
    const nudge = await slack.waitForCall('chat.postEphemeral');
    await waitForIdle(app);
    expect(nudge).toMatchObject({ token: alphaToken, params: { user: CAST.ben.id, channel: 'C_SHARED' } });
    expect(slack.callsTo('chat.postEphemeral').filter((call) => call.params.user === CAST.ana.id)).toEqual([]);
    // Nothing was kept under the host organisation's team.
    expect(await redis.keys(`${prefix}:*T0HOSTORG*`)).toEqual([]);
  });
});
