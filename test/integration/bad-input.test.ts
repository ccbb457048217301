/**
 * Issue 12, "Bad input", items 1–3: single signed requests that today stop the process (1), get a
 * 500 from our own code when an id is not a string (2), or get a 500 with nothing logged (3).
 * The rule they are held to: a payload that can never be processed is answered 200 (400 when it is
 * not a Slack request at all), counted as `malformed` in /metrics, and logged once as a warning
 * that names what was wrong and not its values; the process keeps running and answering.
 *
 * The app runs as a child process, so a request that kills it shows up as an exit here.
 */
import { messageEvent, appHomeOpenedEvent, tokensRevokedEvent, slashCommandPayload, viewSubmissionPayload, type SlackResponse } from '../../scripts/local-slack/requests';
import { CAST, TEAM, sleep } from '../support/harness';
import { malformedCount, startAppProcess, type AppProcess } from '../support/app-process';

/** A value no timestamp, port or id of the run contains, so a log line carrying it is easy to spot. */
const ODD_NUMBER = 918273645;

type Send = (app: AppProcess) => Promise<SlackResponse>;

const projectWork = () => messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room for the retro?` });
const click = (app: AppProcess, change: (payload: Record<string, unknown>) => void): Promise<SlackResponse> => {
  const payload = app.sender.blockAction({ userId: CAST.ana.id, teamId: TEAM, actionId: 'home_nudges_off', view: { id: 'V_HOME' } });
  change(payload);
  return app.sender.sendInteraction(payload);
};
const withEnvelope = (change: (envelope: Record<string, unknown>) => void) => (app: AppProcess) => {
  const envelope = projectWork() as unknown as Record<string, unknown>;
  change(envelope);
  return app.sender.sendEvent(envelope);
};

interface Outcome {
  status: number;
  /** `running`, or how the process ended. */
  process: string;
  /** The first line the process wrote about an uncaught error, if any. */
  crash: string | undefined;
  healthz: number;
  /** How much the `malformed` figures in /metrics grew. */
  malformed: number;
  warnings: number;
  /** What error-level (or unstructured) lines said. */
  errors: string[];
  /** Log lines written for this request that carry the odd value sent in it. */
  linesWithValue: number;
}

/** Sends one bad request and reads what an operator would see: the answer, /healthz, /metrics and the log. */
async function observe(app: AppProcess, send: Send): Promise<Outcome> {
  const malformedBefore = malformedCount((await app.get('/metrics')).body);
  const logStart = app.output.length;
  const response = await send(app).catch((error: Error) => ({ status: 0, body: error.message }) as SlackResponse);
  await sleep(300);
  const healthz = (await app.get('/healthz')).status;
  const metrics = await app.get('/metrics');
  const newLines = app.output.slice(logStart);
  const parsed = newLines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [{ level: 'unstructured', line }];
    }
  });
  return {
    status: response.status,
    process: describeExit(app.exit()),
    crash: newLines.find((line) => !line.startsWith('{') && /^\w*Error\b|^Uncaught/.test(line)),
    healthz,
    malformed: metrics.status === 200 ? malformedCount(metrics.body) - malformedBefore : Number.NaN,
    warnings: parsed.filter((line) => line.level === 'warn').length,
    errors: parsed
      .filter((line) => line.level === 'error' || line.level === 'fatal' || line.level === 'unstructured')
      .map((line) => String((line.err as { message?: string } | undefined)?.message ?? line.msg ?? line.line).slice(0, 120)),
    linesWithValue: newLines.filter((line) => line.includes(String(ODD_NUMBER))).length,
  };
}

function describeExit(exit: ReturnType<AppProcess['exit']>): string {
  if (!exit) return 'running';
  return exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

const HANDLED_AS_MALFORMED: Omit<Outcome, 'status'> = { process: 'running', crash: undefined, healthz: 200, malformed: 1, warnings: 1, errors: [], linesWithValue: 0 };

describe('one request cannot stop the process (issue 12, bad input 1)', () => {
  let app: AppProcess;
  beforeEach(async () => {
    app = await startAppProcess();
  });
  afterEach(async () => {
    await app.close();
  });

  const cases: [string, Send][] = [
    ['a signed JSON body that is `null`', (a) => a.sender.sendRaw('null', 'application/json')],
    [
      'a slash-command form ending in `&payload=null`',
      (a) => a.sender.sendRaw(`${new URLSearchParams(slashCommandPayload({ text: 'help', userId: CAST.ana.id, teamId: TEAM })).toString()}&payload=null`, 'application/x-www-form-urlencoded'),
    ],
  ];

  it.each(cases)('%s is answered, counted and logged, and the next event is still taken', async (_name, send) => {
    const outcome = await observe(app, send);
    const next = await app.sender.sendEvent(projectWork()).catch(() => ({ status: 0 }));
    expect({ ...outcome, status: [200, 400].includes(outcome.status) ? 'answered' : outcome.status, next: next.status }).toEqual({
      ...HANDLED_AS_MALFORMED,
      status: 'answered',
      next: 200,
    });
  });
});

describe('payloads that can never be processed get a 200, are counted and logged once (issue 12, bad input 2 and 3)', () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startAppProcess();
  });
  afterAll(async () => {
    await app.close();
  });

  const cases: [string, Send][] = [
    // 2: ids that are not strings reach the code that builds job ids.
    ['app_home_opened with a numeric team_id', (a) => a.sender.sendEvent({ ...appHomeOpenedEvent({ team: TEAM, user: CAST.ana.id }), team_id: ODD_NUMBER })],
    ['tokens_revoked with a numeric team_id', (a) => a.sender.sendEvent({ ...tokensRevokedEvent({ team: TEAM }), team_id: ODD_NUMBER })],
    ['a click whose user id is a number', (a) => click(a, (p) => (p.user = { id: ODD_NUMBER }))],
    ['a click whose user is `true`', (a) => click(a, (p) => (p.user = true))],
    ['a click whose user is `[]`', (a) => click(a, (p) => (p.user = []))],
    // 3: shapes that fail inside Bolt or our listeners with nothing logged.
    ['an event_callback whose event is `null`', withEnvelope((e) => (e.event = null))],
    ['an event_callback whose event is `0`', withEnvelope((e) => (e.event = 0))],
    ['an event_callback whose event is a string', withEnvelope((e) => (e.event = 'message'))],
    ['a valid message with `authorizations: [null]`', withEnvelope((e) => (e.authorizations = [null]))],
    ['a click without `user`', (a) => click(a, (p) => delete p.user)],
    ['a click with `actions: null`', (a) => click(a, (p) => (p.actions = null))],
    ['a block_actions payload with an extra `event` key', (a) => click(a, (p) => (p.event = 'block_actions'))],
  ];

  it.each(cases)('%s', async (_name, send) => {
    expect(await observe(app, send)).toEqual({ ...HANDLED_AS_MALFORMED, status: 200 });
  });

  it('an unsigned body of no known shape gets a 401 and is not counted as a malformed Slack request', async () => {
    const outcome = await observe(app, (a) => a.sender.sendRaw(`{"odd":${ODD_NUMBER}}`, 'application/json', { badSignature: true }));
    expect(outcome).toEqual({ ...HANDLED_AS_MALFORMED, status: 401, malformed: 0 });
  });

  // Well formed, but nothing in the app listens for it: Slack closes the modal on an empty 200.
  // (Bolt alone would answer only when its ack timeout ran out, with a 404 Slack shows as an error.)
  it('a view submission nobody handles is answered 200 at once', async () => {
    const response = await app.sender.sendInteraction(viewSubmissionPayload({ userId: CAST.ana.id, teamId: TEAM, callbackId: 'nobody_listens' }));
    expect({ status: response.status, answeredWithinASecond: response.elapsedMs < 1000 }).toEqual({ status: 200, answeredWithinASecond: true });
  });
});
