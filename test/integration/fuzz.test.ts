/**
 * Issue 12, "Bad input" (the rule after items 1–3): a signed fuzz of mutated payloads — events,
 * slash commands, button clicks and view submissions, with wrong types, nulls, deep nesting, 1 MB
 * bodies, broken JSON and odd content types — gets no 5xx and no crash, /healthz answers 200
 * throughout, and the payloads that can never be processed are counted as `malformed` in /metrics.
 *
 * Deterministic: the mutations come from a fixed seed (FUZZ_SEED overrides it to explore further;
 * a failure names the seed and the case index, which replays it).
 */
import {
  appHomeOpenedEvent,
  appMentionEvent,
  messageEvent,
  slashCommandPayload,
  tokensRevokedEvent,
  viewSubmissionPayload,
  type SlackResponse,
} from '../../scripts/local-slack/requests';
import { CAST, TEAM, sleep } from '../support/harness';
import { malformedCount, startAppProcess, type AppProcess } from '../support/app-process';
import { deleteAt, deeplyNested, oddValue, ONE_MEGABYTE, pathsOf, Picker, seededRandom, setAt, toJson } from '../support/fuzz';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const CASES_PER_FAMILY = 80;
/** Requests in flight at once: unanswered ones wait out Bolt's 2.5 s ack timeout, so keep several going. */
const IN_FLIGHT = 12;

type Family = 'event' | 'command' | 'click' | 'view';

interface FuzzCase {
  index: number;
  family: Family;
  /** What was done to the payload (never the 1 MB values themselves). */
  mutation: string;
  body: string;
  contentType: string;
  /**
   * True when the payload is a signed request that can never be processed, so must be counted as
   * malformed: a whole body that is not an object, or an event whose `event` or `team_id` has the
   * wrong type. (Other mutations may still be processable, or rejected before any parsing.)
   */
  certainlyMalformed: boolean;
}

const nudgeValue = () => JSON.stringify({ r: CAST.ana.id, c: 'C_PLAN', t: '1764500000.000100', k: ['booking'], p: 'book the room' });

function basePayload(family: Family, pick: Picker, sender: AppProcess['sender']): Record<string, unknown> {
  switch (family) {
    case 'event':
      return pick.one([
        () => messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room and send the invites?` }),
        () => appMentionEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.ana.id, text: 'what should I hand off?' }),
        () => appHomeOpenedEvent({ team: TEAM, user: CAST.ana.id }),
        () => tokensRevokedEvent({ team: TEAM }),
      ])() as unknown as Record<string, unknown>;
    case 'command':
      return slashCommandPayload({ text: pick.one(['help', 'status', 'check book the room', 'delivery dm', 'channel thread', '']), userId: CAST.ana.id, teamId: TEAM, channelId: 'C_PLAN' });
    case 'click':
      return pick.chance(0.5)
        ? sender.blockAction({ userId: CAST.ana.id, teamId: TEAM, actionId: pick.one(['nudge_handoff', 'nudge_not_project_work', 'nudge_snooze_week', 'nudge_mute_channel']), value: nudgeValue(), ephemeral: true })
        : sender.blockAction({ userId: CAST.ana.id, teamId: TEAM, actionId: pick.one(['home_nudges_on', 'home_nudges_off', 'home_digest_off', 'home_unmute_channel']), value: 'C_PLAN', view: { id: 'V_HOME' } });
    case 'view':
      return viewSubmissionPayload({ userId: CAST.ana.id, teamId: TEAM, callbackId: 'lane_settings', values: { b: { a: { type: 'plain_text_input', value: 'x' } } } });
  }
}

/** How a payload travels: events as JSON, the rest as forms (interactivity in `payload=`). */
function encode(family: Family, payload: unknown): { body: string; contentType: string } {
  if (family === 'event') return { body: toJson(payload), contentType: 'application/json' };
  if (family === 'command') return { body: new URLSearchParams(payload as Record<string, string>).toString(), contentType: 'application/x-www-form-urlencoded' };
  return { body: new URLSearchParams({ payload: toJson(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

function buildCase(index: number, family: Family, pick: Picker, sender: AppProcess['sender']): FuzzCase {
  const payload = basePayload(family, pick, sender);
  const paths = pathsOf(payload);
  const kind = pick.one(['odd value', 'odd value', 'odd value', 'missing field', 'top level', 'one megabyte', 'broken json', 'content type', 'form fields']);
  let mutation: string;
  let certainlyMalformed = false;
  let body: string;
  let contentType: string;

  if (kind === 'odd value' || kind === 'missing field' || kind === 'one megabyte') {
    const path = pick.one(paths);
    const where = path.join('.');
    if (kind === 'odd value') {
      const odd = oddValue(pick);
      // Form fields of a slash command are strings on the wire: an odd value arrives as its JSON text.
      setAt(payload, path, family === 'command' ? toJson(odd.value) : odd.value);
      mutation = `${where} set to ${odd.label}`;
      certainlyMalformed = family === 'event' && (where === 'event' || where === 'team_id') && odd.label !== 'a string' && odd.label !== 'an empty object';
    } else if (kind === 'missing field') {
      deleteAt(payload, path);
      mutation = `${where} removed`;
    } else {
      setAt(payload, path, 'x'.repeat(ONE_MEGABYTE));
      mutation = `${where} set to a 1 MB string`;
    }
    ({ body, contentType } = encode(family, payload));
  } else if (kind === 'top level') {
    const odd = pick.one([null, 0, 'event_callback', [], [payload], true, deeplyNested(2000)]);
    ({ body, contentType } = encode(family === 'command' ? 'event' : family, odd));
    certainlyMalformed = true;
    mutation = `the whole body replaced by ${Array.isArray(odd) ? `an array of ${odd.length}` : JSON.stringify(odd)?.slice(0, 30)}`;
  } else if (kind === 'broken json') {
    const encoded = toJson(payload);
    const cut = pick.int(encoded.length);
    const broken = pick.chance(0.5) ? encoded.slice(0, cut) : `${encoded.slice(0, cut)}${pick.one(['\u0000', '}', '"', ',,', '\\x', 'NaN'])}${encoded.slice(cut)}`;
    ({ body, contentType } = family === 'event' ? { body: broken, contentType: 'application/json' } : { body: new URLSearchParams({ payload: broken }).toString(), contentType: 'application/x-www-form-urlencoded' });
    mutation = `JSON broken at character ${cut}`;
  } else if (kind === 'content type') {
    ({ body } = encode(family, payload));
    contentType = pick.one(['text/plain', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'application/json', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream']);
    mutation = `sent as ${contentType}`;
  } else {
    const form = encode(family === 'event' ? 'click' : family, payload);
    const extra = pick.one(['&payload=null', '&payload=', '&payload=%7B', '&payload=12345', '&payload=%5B%5D', '&command=', '&token=', '&&&', '&payload=%7B%7D&payload=%7B%7D']);
    body = `${form.body}${extra}`;
    contentType = form.contentType;
    mutation = `form with ${extra} appended`;
  }
  return { index, family, mutation, body, contentType, certainlyMalformed };
}

const countedAtLeast = (counted: number, expected: number) => (counted >= expected ? `at least ${expected}` : `${counted}, fewer than ${expected}`);

describe('a signed fuzz of mutated Slack payloads (issue 12, bad input)', () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startAppProcess({ LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    await app.close();
  });

  it(`gets no 5xx and no crash, keeps /healthz at 200, and counts what can never be processed (seed ${SEED})`, async () => {
    const pick = new Picker(seededRandom(SEED));
    const families: Family[] = ['event', 'command', 'click', 'view'];
    const cases = Array.from({ length: CASES_PER_FAMILY * families.length }, (_, index) => buildCase(index, families[index % families.length], pick, app.sender));
    expect(cases.length).toBeGreaterThanOrEqual(300);

    const healthFailures: string[] = [];
    let fuzzing = true;
    const watchHealth = (async () => {
      while (fuzzing) {
        const health = await app.get('/healthz');
        if (health.status !== 200) healthFailures.push(`/healthz answered ${health.status} at ${new Date().toISOString()}`);
        await sleep(100);
      }
    })();

    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++];
        const response: Pick<SlackResponse, 'status'> = await app.sender.sendRaw(c.body, c.contentType).catch(() => ({ status: 0 }));
        if (response.status >= 500 || response.status === 0) {
          failures.push(`#${c.index} ${c.family}, ${c.mutation}: ${response.status === 0 ? 'no answer' : response.status}${app.exit() ? ` (process ${JSON.stringify(app.exit())})` : ''}`);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    fuzzing = false;
    await watchHealth;

    const metrics = await app.get('/metrics');
    const certainlyMalformed = cases.filter((c) => c.certainlyMalformed).length;
    expect(certainlyMalformed).toBeGreaterThan(20);
    expect({
      process: app.exit() ?? 'running',
      crash: app.output.find((line) => !line.startsWith('{') && /^\w*Error\b|^Uncaught/.test(line)),
      failures: failures.sort((a, b) => Number(a.slice(1, a.indexOf(' '))) - Number(b.slice(1, b.indexOf(' ')))).slice(0, 15),
      failureCount: failures.length,
      healthFailures: healthFailures.slice(0, 5),
      malformed: countedAtLeast(malformedCount(metrics.body), certainlyMalformed),
    }).toEqual({ process: 'running', crash: undefined, failures: [], failureCount: 0, healthFailures: [], malformed: `at least ${certainlyMalformed}` });
  }, 120000);
});
