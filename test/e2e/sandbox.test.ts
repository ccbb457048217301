import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createLogger } from '../../src/logger';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { deleteKeys, REDIS_URL, waitFor } from '../support/harness';

/**
 * The sandbox in Debian's Chromium, driven as a person would: the lead hands the product manager
 * some project work, the product manager sees the nudge, hands it off, asks `/lane check`, and
 * reads the weekly digest. The real bot runs behind the page, on a real Redis.
 */
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Set SANDBOX_SCREENSHOT=1 to refresh the README's screenshot (docs/sandbox.png). */
const README_SCREENSHOT = process.env.SANDBOX_SCREENSHOT ? join(__dirname, '..', '..', 'docs', 'sandbox.png') : undefined;
const WAIT_MS = 10000;

const PEOPLE = { ana: 'U01ANA', raj: 'U02RAJ', lee: 'U03LEE' };
const NORTHWIND = { mia: 'U11MIA' };
const NORTHWIND_PEOPLE = ['Mia Chen (Product Owner)', 'Tom Weber (Scrum Master)', 'Sara Lind (Tech Lead)', 'Omar Haddad (Head of Product)'];
/** What the tech lead asks of the product owner in the second workspace (its channel's example). */
const SARAS_ASK = 'could you update the Gantt chart and book the sprint review room?';
/** What the lead asks of the product manager (after the @-mention), as typed in the first test. */
const LEES_ASK = 'can you send the weekly status report and book the retro room?';

describe('the sandbox page in a real browser', () => {
  const prefix = `lke2e-${randomUUID().slice(0, 8)}`;
  const problems: string[] = [];
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;
  let redis: Redis;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    redis = new Redis(REDIS_URL);
    sandbox = await startSandbox({ port: 0, redisUrl: REDIS_URL, redisPrefix: prefix, logger: createLogger({ level: 'silent' }) });
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch((error: Error) => {
      throw new Error(`no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH): ${error.message}`);
    });
    page = await openPage({ width: 1280, height: 800 });
    await page.goto(sandbox.url);
  });

  /** A browser page watched for problems, where a missing element fails its own step (naming what it waited for) well within the test's time. */
  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    const opened = await browser.newPage({ viewport });
    opened.setDefaultTimeout(WAIT_MS);
    watchForProblems(opened, problems, new URL(sandbox.url).origin);
    return opened;
  }

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('posts as the lead, turning the @-mention picked from the suggestions into Slack’s <@U…> form', async () => {
    await page.getByLabel('View as').selectOption(PEOPLE.lee);
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'planning' }).click();
    const box = page.getByRole('combobox', { name: 'Message #planning as Lee' });
    await box.click();
    await box.pressSequentially('@an');
    await page.getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: /Ana Souza/ }).waitFor();
    await box.press('Enter');
    expect(await box.inputValue()).toBe('@ana ');
    await box.pressSequentially(LEES_ASK);
    await box.press('Enter');

    const posted = page.locator('#timeline article').filter({ hasText: 'book the retro room' });
    await posted.waitFor({ timeout: WAIT_MS });
    expect(await posted.locator('.mention').textContent()).toBe('@Ana');
    expect(await box.inputValue()).toBe('');
    const state = (await (await page.request.get(`${sandbox.url}api/state?viewer=${PEOPLE.lee}`)).json()) as { messages: Record<string, { text: string }[]> };
    expect(state.messages.C01PLANNING.map((m) => m.text)).toEqual([`<@${PEOPLE.ana}> ${LEES_ASK}`]);
  });

  it('shows the product manager the nudge in the thread, marked as only visible to her, and nobody else', async () => {
    const summary = page.locator('.thread-summary');
    await page.getByLabel('View as').selectOption(PEOPLE.raj);
    await page.getByRole('combobox', { name: 'Message #planning as Raj' }).waitFor();
    expect(await summary.count()).toBe(0);

    await page.getByLabel('View as').selectOption(PEOPLE.ana);
    await summary.filter({ hasText: '1 only visible to you' }).waitFor({ timeout: WAIT_MS });
    // Opened from the keyboard, the thread takes the focus at its start, so the nudge's buttons
    // come next with Tab (not only with Shift+Tab from the reply box below them).
    await summary.focus();
    await page.keyboard.press('Enter');
    const thread = page.getByRole('complementary', { name: 'Thread in #planning' });
    const nudge = thread.locator('article.message-ephemeral');
    await nudge.waitFor();
    expect(await focused(page)).toMatchObject({ id: 'thread-timeline' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Hand off' });
    expect(await nudge.textContent()).toContain('Only visible to you');
    expect(await nudge.textContent()).toContain('that just landed on you');
    expect(await nudge.getByRole('button').allTextContents()).toEqual(['Hand off', 'Not project work', 'Snooze a week', 'Stop nudging me here']);
    await shoot(page, 'nudge');
    if (README_SCREENSHOT) {
      // The picture shows the page, not where this test's keyboard happens to be.
      await page.evaluate('document.activeElement?.blur()');
      await page.screenshot({ path: README_SCREENSHOT });
    }
  });

  it('sends the real button click: Hand off (pressed from the keyboard) asks the delegate in the thread', async () => {
    const thread = page.getByRole('complementary', { name: 'Thread in #planning' });
    const handOff = thread.getByRole('button', { name: 'Hand off' });
    await handOff.focus();
    await page.keyboard.press('Enter');

    const handoffPost = thread.locator('article:not(.message-ephemeral)').filter({ hasText: 'could you take this one?' });
    await handoffPost.waitFor({ timeout: WAIT_MS });
    expect(await handoffPost.locator('.mention').allTextContents()).toEqual(['@Raj', '@Ana']);
    // The bot answered through the response_url with replace_original: the nudge became the confirmation.
    const confirmation = thread.locator('article.message-ephemeral').filter({ hasText: 'Handed off: I asked @Raj' });
    await confirmation.waitFor({ timeout: WAIT_MS });
    expect(await thread.getByRole('button', { name: 'Hand off' }).count()).toBe(0);
    // The pressed button is gone: the keyboard focus is on the message that replaced the nudge, not lost.
    await page.waitForFunction(`document.activeElement?.textContent?.includes('Handed off: I asked')`, null, { timeout: WAIT_MS });
    expect(await focused(page)).toMatchObject({ tag: 'article', inThread: true });
    await shoot(page, 'handed-off');

    // Escape still closes the thread, and the focus goes back to what opened it.
    await page.keyboard.press('Escape');
    await thread.waitFor({ state: 'hidden' });
    expect(await focused(page)).toMatchObject({ tag: 'button', text: expect.stringContaining('View thread') });

    // The answer went to the response_url: listed as such, with the arguments Slack would get and nothing of the sandbox's own.
    const row = page.locator('#calls-list li').filter({ hasText: 'POST response_url' }).first();
    await row.locator('summary').click();
    const detail = (await row.locator('pre').textContent()) ?? '';
    expect(detail).toContain('"replace_original": true');
    expect(detail).not.toContain('__id');
    expect(await page.locator('#calls-toggle').textContent()).toMatch(/Web API calls the bot made \(\d+\) · response_url posts \([1-9]\d*\)/);
  });

  it('runs /lane check from the message box and shows the verdict only to the person who asked', async () => {
    const box = page.getByRole('combobox', { name: 'Message #planning as Ana' });
    // The example of docs/sandbox.md, step 4.
    await box.fill('/lane check @ana can you update the Gantt chart?');
    await box.press('Enter');
    const verdict = page.locator('#timeline article.message-ephemeral').filter({ hasText: '/lane check @ana can you update the Gantt chart' });
    await verdict.waitFor({ timeout: WAIT_MS });
    expect(await verdict.textContent()).toMatch(/This is:\s*a request.*Work:\s*project-management work/);
    expect(await verdict.textContent()).toMatch(/Asked:\s*@Ana/);
    expect(await verdict.textContent()).toMatch(/Nudge:\s*yes: @Ana would get a private tip/);
    expect(await verdict.textContent()).toContain('Only visible to you');
    await shoot(page, 'lane-check');
  });

  it('opens the Home tab, which the bot publishes on app_home_opened', async () => {
    await page.getByRole('button', { name: 'lanekeeper Home' }).click();
    const home = page.locator('.home-view');
    await home.waitFor({ timeout: WAIT_MS });
    expect(await home.textContent()).toMatch(/You hand project work to:\s*@Raj/);
    expect(await home.textContent()).toContain('product manager');
    // The seeded weeks draw a trend: one bar per finished week (seven seeded; this one is not over),
    // from the first share to the last, as the digest does.
    expect(await home.textContent()).toMatch(/Project-work share, last weeks\s*[▁▂▃▄▅▆▇█·]{7} 75% → 40%\s*Down 4 points from last week\./);
    expect(await home.textContent()).toMatch(/Working hours:\s*08:00–19:00, every day, your time/);
    await shoot(page, 'home');

    // A button on the Home tab is a block action on the view; the bot republishes the tab. Pressed
    // from the keyboard, the focus stays in the republished tab.
    await home.getByRole('button', { name: 'Turn nudges off' }).focus();
    await page.keyboard.press('Enter');
    await home.getByRole('button', { name: 'Turn nudges on' }).waitFor({ timeout: WAIT_MS });
    expect(await home.textContent()).toContain('Nudges: off.');
    await page.waitForTimeout(300);
    expect(await focused(page)).toMatchObject({ inHome: true });
    await home.getByRole('button', { name: 'Turn nudges on' }).click();
    await home.getByRole('button', { name: 'Turn nudges off' }).waitFor({ timeout: WAIT_MS });

    // The working-hours menu is a block action too; the tab comes back with the hours chosen.
    const hoursMenu = home.getByRole('combobox', { name: 'Pick working hours' });
    await hoursMenu.selectOption({ label: '09:00–17:00, every day' });
    await home.getByText(/Working hours:\s*09:00–17:00, every day, your time .*, yours\./).waitFor({ timeout: WAIT_MS });
    await home.getByRole('combobox', { name: 'Pick working hours' }).selectOption({ label: 'The workspace’s default' });
    await home.getByText(/Working hours:\s*08:00–19:00, every day, your time .*, the default\./).waitFor({ timeout: WAIT_MS });
  });

  it('runs the weekly digest now, and the digest arrives in the product manager’s DM with lanekeeper', async () => {
    const run = page.getByRole('button', { name: 'Run the weekly digest now' });
    await run.click();
    await page.getByRole('status').filter({ hasText: /^1 digest queued/ }).waitFor({ timeout: WAIT_MS });
    const dmEntry = page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^lanekeeper\b/ }).first();
    await dmEntry.filter({ hasText: '1' }).waitFor({ timeout: WAIT_MS });
    expect(await dmEntry.getByLabel('1 unread message').count()).toBe(1);

    // A second press queues nothing new, and says so.
    await run.click();
    const again = page.getByRole('status').filter({ hasText: 'already went out' });
    await again.waitFor({ timeout: WAIT_MS });
    expect(await again.textContent()).toContain('Nothing was sent twice.');
    expect(await again.textContent()).not.toContain('queued');

    await dmEntry.click();
    const digest = page.locator('#timeline article').filter({ hasText: 'Your week in project work' });
    await digest.waitFor({ timeout: WAIT_MS });
    expect(await digest.textContent()).toContain('1 piece of project work reached you last week');
    expect(await digest.textContent()).toMatch(/Project-work share, last weeks\s*[▁▂▃▄▅▆▇█·]{8} 75% → \d+%\s*Up \d+ points from last week\./);
    await page.waitForTimeout(500);
    expect(await page.locator('#timeline article').filter({ hasText: 'Your week in project work' }).count()).toBe(1);
    // Viewed, the DM is read; and it opens at the digest's heading, not at its end.
    expect(await dmEntry.locator('.count').count()).toBe(0);
    const heading = digest.getByRole('heading', { name: /Your week in project work/ });
    expect(await isInside(heading, page.locator('#timeline'))).toBe(true);
    await shoot(page, 'digest');

    // Its link to the message it counted quotes a phrase of that message (which of its two asks is
    // the classifier's call) and opens that thread in the sandbox.
    const noticed = digest.getByRole('link', { name: /^“.+”$/ });
    expect(await noticed.count()).toBe(1);
    const quoted = ((await noticed.textContent()) ?? '').replace(/^“|”$/g, '');
    expect(quoted.length).toBeGreaterThan(0);
    expect(LEES_ASK).toContain(quoted);
    await noticed.click();
    await page.getByRole('complementary', { name: 'Thread in #planning' }).waitFor();
  });

  it('posts as a tracker app with /tracker: content in attachments, the assignee by plain name, and the nudge follows', async () => {
    await page.getByLabel('View as').selectOption(PEOPLE.lee);
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'standup' }).click();
    const box = page.getByRole('combobox', { name: 'Message #standup as Lee' });
    await box.fill('/tracker assign @ana Book the venue for the offsite');
    await box.press('Enter');
    const post = page.locator('#timeline article').filter({ hasText: 'Book the venue for the offsite' });
    await post.waitFor({ timeout: WAIT_MS });
    expect(await post.locator('.author').textContent()).toBe('Tracker');
    expect(await post.textContent()).toMatch(/APP/);
    expect(await post.textContent()).toMatch(/Assignee\s*Ana Souza/);
    const state = (await (await page.request.get(`${sandbox.url}api/state?viewer=${PEOPLE.lee}`)).json()) as { messages: Record<string, { text: string; attachments?: unknown[] }[]> };
    const stored = state.messages.C02STANDUP.find((m) => m.attachments !== undefined);
    // As real trackers post: a short fallback text, the content in attachments, no Slack mention.
    expect(stored?.text).not.toContain('Book the venue');
    expect(JSON.stringify(stored?.attachments)).not.toContain('<@');

    await page.getByLabel('View as').selectOption(PEOPLE.ana);
    await post.locator('.thread-summary').filter({ hasText: '1 only visible to you' }).waitFor({ timeout: WAIT_MS });
    await shoot(page, 'tracker-post');
  });

  it('switches to a second workspace, installed with its own token, where the people, the conversation, /lane, the Home tab and the digest are its own', async () => {
    const workspace = page.getByLabel('Workspace');
    expect(await workspace.locator('option').allTextContents()).toEqual(['Acme', 'Northwind']);
    await workspace.selectOption({ label: 'Northwind' });
    const nav = page.getByRole('navigation', { name: 'Conversations' });
    await nav.getByRole('button', { name: 'roadmap' }).waitFor();
    expect(await nav.getByRole('button', { name: 'planning' }).count()).toBe(0);
    expect(await page.getByLabel('View as').locator('option').allTextContents()).toEqual(NORTHWIND_PEOPLE);
    // Its #roadmap starts empty: nothing of Acme's conversation is here.
    await page.getByRole('button', { name: /^As Sara:/ }).click();
    const box = page.getByRole('combobox', { name: 'Message #roadmap as Sara' });
    expect(await box.inputValue()).toBe(`@mia ${SARAS_ASK}`);
    await box.press('Enter');
    await page.locator('#timeline article').filter({ hasText: 'sprint review room' }).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('#timeline').textContent()).not.toContain('retro room');

    // Mia, its product owner, gets the nudge, and Hand off asks her own delegate there.
    await page.getByLabel('View as').selectOption(NORTHWIND.mia);
    await page.locator('.thread-summary').filter({ hasText: '1 only visible to you' }).click({ timeout: WAIT_MS });
    const thread = page.getByRole('complementary', { name: 'Thread in #roadmap' });
    await thread.getByRole('button', { name: 'Hand off' }).click();
    await thread.locator('article.message-ephemeral').filter({ hasText: 'Handed off: I asked @Tom' }).waitFor({ timeout: WAIT_MS });
    await thread.getByRole('button', { name: 'Close thread' }).click();

    // /lane answers from this workspace's people and settings.
    const miasBox = page.getByRole('combobox', { name: 'Message #roadmap as Mia' });
    await miasBox.fill('/lane check @mia can you book the sprint review room?');
    await miasBox.press('Enter');
    const verdict = page.locator('#timeline article.message-ephemeral').filter({ hasText: '/lane check @mia' });
    await verdict.waitFor({ timeout: WAIT_MS });
    expect(await verdict.textContent()).toMatch(/Asked:\s*@Mia/);
    await page.getByRole('button', { name: 'lanekeeper Home' }).click();
    const home = page.locator('.home-view');
    await home.filter({ hasText: /You hand project work to:\s*@Tom/ }).waitFor({ timeout: WAIT_MS });
    expect(await home.textContent()).not.toContain('@Raj');

    // The digest tick is the deployment's: Mia's digest is new, Ana's (in Acme) went out already.
    await page.getByRole('button', { name: 'Run the weekly digest now' }).click();
    const toast = page.getByRole('status').filter({ hasText: /^1 digest queued/ });
    await toast.waitFor({ timeout: WAIT_MS });
    expect(await toast.textContent()).toContain('1 other already went out earlier');
    await nav.getByRole('button', { name: /^lanekeeper\b/ }).first().click();
    const digest = page.locator('#timeline article').filter({ hasText: 'Your week in project work' });
    await digest.waitFor({ timeout: WAIT_MS });
    expect(await digest.getByRole('link', { name: /^“.+”$/ }).count()).toBe(1);
    expect(SARAS_ASK).toContain(((await digest.getByRole('link', { name: /^“.+”$/ }).textContent()) ?? '').replace(/^“|”$/g, ''));

    // The tracker app posts here too, in this workspace only, and the nudge is Mia's.
    await nav.getByRole('button', { name: 'daily' }).click();
    const dailyBox = page.getByRole('combobox', { name: 'Message #daily as Mia' });
    await dailyBox.fill('/tracker assign @mia Book the venue for the customer day');
    await dailyBox.press('Enter');
    const trackerPost = page.locator('#timeline article').filter({ hasText: 'Book the venue for the customer day' });
    await trackerPost.waitFor({ timeout: WAIT_MS });
    expect(await trackerPost.locator('.author').textContent()).toBe('Tracker');
    expect(await trackerPost.textContent()).toMatch(/Assignee\s*Mia Chen/);
    await trackerPost.locator('.thread-summary').filter({ hasText: '1 only visible to you' }).click({ timeout: WAIT_MS });
    // A reply in its thread names the post's author as Slack does, and this workspace's bot.
    const replyBox = page.getByRole('complementary', { name: 'Thread in #daily' }).getByRole('combobox', { name: 'Reply in thread' });
    await replyBox.fill('On it, thanks');
    await replyBox.press('Enter');
    const replied = async () => {
      const northwind = (await (await page.request.get(`${sandbox.url}api/state?workspace=T02NORTHWIND&viewer=${NORTHWIND.mia}`)).json()) as { inbound: { summary: string; body: string }[] };
      return northwind.inbound.find((entry) => entry.summary === 'message in #daily (thread)');
    };
    const reply = JSON.parse((await waitFor(replied, 'the thread reply sent to the bot', WAIT_MS)).body) as { event: { parent_user_id?: string }; authorizations: { user_id: string }[] };
    expect(reply.event.parent_user_id).toBe('U0TRACKER');
    expect(reply.authorizations[0].user_id).toBe('U02NORTHWINDBOT');
    await page.getByRole('complementary', { name: 'Thread in #daily' }).getByRole('button', { name: 'Close thread' }).click();

    // The log panel shows this workspace's install (its secret hidden) and its calls only.
    const install = page.locator('#calls-list li').filter({ hasText: 'oauth.v2.access' });
    await page.getByRole('button', { name: 'Bot → Slack Web API' }).click();
    await install.locator('summary').click();
    expect(await install.locator('pre').textContent()).toContain('"client_secret": "(hidden)"');
    expect(await page.locator('#calls-list').textContent()).not.toMatch(/@Ana|@Lee|@Raj/);
    await shoot(page, 'workspace-northwind');

    // Back in Acme: Ana, where she was, with Acme's conversation and one digest, and nothing of Northwind's.
    await workspace.selectOption({ label: 'Acme' });
    await nav.getByRole('button', { name: 'planning' }).click();
    await page.getByRole('combobox', { name: 'Message #planning as Ana' }).waitFor({ timeout: WAIT_MS });
    await page.locator('#timeline article').filter({ hasText: 'retro room' }).waitFor();
    expect(await page.locator('#timeline').textContent()).not.toContain('sprint review room');
    const acme = (await (await page.request.get(`${sandbox.url}api/state?workspace=T01ACME&viewer=${PEOPLE.ana}`)).json()) as { messages: Record<string, unknown[]>; dm: string; calls: unknown[] };
    expect(acme.messages[acme.dm]).toHaveLength(1);
    expect(JSON.stringify(acme.calls)).not.toMatch(/U1[1-4][A-Z]+/);
    expect(JSON.stringify(acme.messages)).not.toContain('customer day');
  });

  it('switches workspace on a phone, in the one-row top bar', async () => {
    const phone = await openPage({ width: 390, height: 844 });
    await phone.goto(sandbox.url);
    await phone.getByRole('combobox', { name: /^Message #planning as / }).waitFor();
    expect((await phone.locator('header.topbar').boundingBox())?.height).toBeLessThan(60);
    await phone.getByLabel('Workspace').selectOption({ label: 'Northwind' });
    await phone.getByRole('combobox', { name: 'Message #roadmap as Sara' }).waitFor();
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
    expect((await phone.locator('header.topbar').boundingBox())?.height).toBeLessThan(60);
    await shoot(phone, 'phone-workspace');
    // A reload keeps the workspace (and who and where), as it keeps the rest.
    await phone.reload();
    await phone.getByRole('combobox', { name: 'Message #roadmap as Sara' }).waitFor();
    await phone.close();
  });

  it('fits a phone screen: no sideways scrolling, conversations behind a menu button', async () => {
    const phone = await openPage({ width: 390, height: 844 });
    await phone.goto(`${sandbox.url}#as=${PEOPLE.ana}`);
    const box = phone.getByRole('combobox', { name: 'Message #planning as Ana' });
    await box.waitFor();
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
    // The top bar is one row; its actions sit behind "More", which works from the keyboard.
    expect((await phone.locator('header.topbar').boundingBox())?.height).toBeLessThan(60);
    expect(await phone.getByRole('button', { name: 'Run the weekly digest now' }).isVisible()).toBe(false);
    await phone.getByRole('button', { name: 'More actions' }).focus();
    await phone.keyboard.press('Enter');
    expect(await focused(phone)).toMatchObject({ tag: 'button', text: 'People' });
    expect(await phone.getByRole('button', { name: 'Run the weekly digest now' }).isVisible()).toBe(true);
    await phone.keyboard.press('Escape');
    expect(await focused(phone)).toMatchObject({ tag: 'button', text: 'More actions' });
    expect(await phone.getByRole('button', { name: 'Run the weekly digest now' }).isVisible()).toBe(false);
    // The thread covers the screen, and closes back to the channel.
    await phone.locator('.thread-summary').first().click();
    const thread = phone.getByRole('complementary', { name: 'Thread in #planning' });
    await thread.locator('article').filter({ hasText: 'could you take this one?' }).waitFor();
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
    await shoot(phone, 'phone-thread');
    await thread.getByRole('button', { name: 'Close thread' }).click();
    await phone.getByRole('button', { name: 'Conversations' }).click();
    await phone.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'standup' }).click();
    await phone.getByRole('combobox', { name: 'Message #standup as Ana' }).waitFor();
    await phone.getByRole('navigation', { name: 'Conversations' }).waitFor({ state: 'hidden' });
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
    await shoot(phone, 'phone');
    await phone.close();
  });

  it('says inside the People dialog what a save did: a refused time zone under its field, marked invalid', async () => {
    await page.getByRole('button', { name: 'People' }).click();
    const dialog = page.getByRole('dialog', { name: 'People' });
    const dee = dialog.getByRole('form', { name: 'Dee Okafor' });
    const zone = dee.getByLabel('Time zone');
    await zone.fill('Mars/Olympus');
    await dee.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.activeElement?.getAttribute('aria-invalid') === 'true'`, null, { timeout: WAIT_MS });
    expect(await focused(page)).toMatchObject({ id: 'person-U04DEE-tz' });
    expect(await zone.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await zone.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).textContent()).toContain('“Mars/Olympus” is not a time zone');
    expect(await zone.inputValue()).toBe('Mars/Olympus');

    await dee.getByLabel('Title').fill('Product Owner');
    await zone.fill('Etc/GMT-1');
    await dee.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await dee.getByText('Saved Dee Okafor.').waitFor({ timeout: WAIT_MS });
    // Focus stays on the Save button that was pressed, and the message is in the dialog, above its backdrop.
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Save', inDialog: true });
    expect(await dee.getByLabel('Time zone').getAttribute('aria-invalid')).toBeNull();
    await shoot(page, 'people-saved');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('draws untrusted message text as text: no markup, no script links, unknown blocks named rather than dropped', async () => {
    // Runs the page's own renderers on hostile input, in the page (a string, so the test's
    // TypeScript transform leaves the dynamic imports alone).
    const result = (await page.evaluate(`(async () => {
      const { renderMrkdwn } = await import('/assets/mrkdwn.js');
      const { renderBlocks } = await import('/assets/blocks.js');
      const ctx = { viewer: 'U01ANA', personName: (id) => (id === 'U01ANA' ? 'Ana' : undefined), channelName: () => undefined, onChannel() {}, onAction() {} };
      const box = document.createElement('div');
      box.append(renderMrkdwn('<img src=x onerror=alert(1)> &lt;b&gt;hi&lt;/b&gt; *bold* _it_ \x60code\x60 <@U01ANA> <javascript:alert(1)|click> <https://example.com/a_b_c|site>', ctx));
      box.append(renderBlocks([{ type: 'input', label: { type: 'plain_text', text: 'Your name' } }, { type: 'video', title: { type: 'plain_text', text: 'Demo' } }], ctx, { kind: 'home' }));
      return {
        text: box.textContent,
        elements: [...box.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).filter((t) => !['span', 'div', 'strong', 'em', 'code', 'a'].includes(t)),
        links: [...box.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        fallbacks: [...box.querySelectorAll('.bk-unknown')].map((e) => e.textContent),
      };
    })()`)) as { text: string; elements: string[]; links: string[]; fallbacks: string[] };
    expect(result.elements).toEqual([]);
    expect(result.text).toContain('<b>hi</b> bold it code @Ana click site');
    expect(result.links).toEqual(['https://example.com/a_b_c']);
    expect(result.fallbacks).toEqual([expect.stringMatching(/Block “input”.*Your name/), expect.stringMatching(/Block “video”.*Demo/)]);
  });

  it('logged no console errors, no failed requests and asked nothing of other hosts along the way', () => {
    expect(problems).toEqual([]);
  });
});

function watchForProblems(page: Page, problems: string[], origin: string): void {
  // Nothing from elsewhere: the page must work on a machine with no network.
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) problems.push(`external request: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // The event stream is cut when a page closes; that is not a failure of the page.
    if (!request.url().endsWith('/api/stream')) problems.push(`request failed: ${request.url()}`);
  });
}

/** What has the keyboard focus, in terms a visitor would notice. */
async function focused(page: Page): Promise<{ tag: string; id: string; text: string; inThread: boolean; inHome: boolean; inDialog: boolean }> {
  return (await page.evaluate(`(() => {
    const element = document.activeElement ?? document.body;
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: (element.textContent ?? '').replace(/\\s+/g, ' ').trim(),
      inThread: Boolean(element.closest('#thread-panel')),
      inHome: Boolean(element.closest('.home-view')),
      inDialog: Boolean(element.closest('dialog')),
    };
  })()`)) as { tag: string; id: string; text: string; inThread: boolean; inHome: boolean; inDialog: boolean };
}

/** True when the top of `inner` shows within the visible part of the scrolling `outer`. */
async function isInside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  return a !== null && b !== null && a.y >= b.y && a.y + 10 <= b.y + b.height;
}

/** How wide the page's content is (wider than the screen means sideways scrolling). */
async function scrollWidth(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth')) as number;
}

async function shoot(page: Page | Locator, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `sandbox-${name}.png`) });
}
