import { h } from './dom.js';

// The developer's view: every Web API call the bot made (method, time, status, arguments as Slack
// received them), its posts to response_urls (not Web API calls: plain POSTs to a URL Slack gave
// it), every signed request the sandbox sent the bot, newest first, and the nudges the bot holds
// in its queue until someone's working hours.

const openRows = new Set();

export function renderCalls(calls) {
  if (calls.length === 0) return h('p', { class: 'empty' }, 'No Web API calls yet.');
  return h(
    'ol',
    { class: 'log-list', reversed: true },
    [...calls].reverse().map((call) =>
      logRow(`call:${call.seq}`, [
        logTime(call.at),
        call.kind === 'response-url'
          ? h('span', { class: 'log-method log-method-response', title: 'a POST to the response_url of an interaction, not a Web API method' }, 'POST response_url')
          : h('span', { class: 'log-method' }, call.method),
        statusPill(call.status, call.ok, call.error),
        h('span', { class: 'log-summary' }, call.summary),
      ], call.params),
    ),
  );
}

export function renderInbound(requests, personName) {
  if (requests.length === 0) return h('p', { class: 'empty' }, 'No requests yet.');
  return h(
    'ol',
    { class: 'log-list', reversed: true },
    [...requests].reverse().map((request) =>
      logRow(`in:${request.seq}`, [
        logTime(request.at),
        h('span', { class: 'log-method' }, request.kind),
        statusPill(request.status, request.status >= 200 && request.status < 300 ? true : undefined),
        h('span', { class: 'log-summary' }, `${request.summary}${request.user ? ` · as ${personName(request.user) ?? request.user}` : ''} · ${request.elapsedMs} ms`),
      ], request.body),
    ),
  );
}

/** held: [{ jobId, recipient, channel, threadTs, untilMs, seenAt, leftAt? }] */
export function renderHeld(held, { person, channelName }) {
  if (held.length === 0) {
    return h(
      'p',
      { class: 'empty' },
      'No nudge is waiting. lanekeeper holds a nudge outside the recipient’s working hours (08:00–19:00 their time) and sends it when they start: set someone’s time zone to where it is night under People to see one here.',
    );
  }
  return h(
    'ol',
    { class: 'log-list', reversed: true },
    [...held].reverse().map((entry) => {
      const who = person(entry.recipient);
      const first = who?.name.split(' ')[0] ?? entry.recipient;
      const until = when(entry.untilMs, who?.tz);
      const where = channelName(entry.channel) ? `#${channelName(entry.channel)}` : entry.channel;
      return h(
        'li',
        { class: 'log-row held-row' },
        h(
          'div',
          { class: 'held-line' },
          logTime(entry.seenAt),
          h('span', { class: 'log-method' }, 'send-nudge'),
          entry.leftAt === undefined
            ? h('span', { class: 'pill pill-wait' }, 'held')
            : h('span', { class: 'pill pill-ok' }, 'left the queue'),
          h(
            'span',
            { class: 'log-summary' },
            entry.leftAt === undefined
              ? `Nudge to @${first} in ${where} (thread) waits for ${first}’s working hours: due ${until}, ${first}’s time.`
              : `Nudge to @${first} in ${where} was held until ${until}, ${first}’s time; it left the queue at ${clock(entry.leftAt)} (sent, or dropped by lanekeeper’s rules).`,
          ),
        ),
      );
    }),
  );
}

function when(ms, timeZone) {
  const options = { weekday: 'short', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(ms);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(ms);
  }
}

function logRow(key, cells, detail) {
  const details = h('details', { class: 'log-row', open: openRows.has(key) }, h('summary', { dataset: { focusKey: key } }, cells), h('pre', { class: 'log-detail' }, detail));
  details.addEventListener('toggle', () => (details.open ? openRows.add(key) : openRows.delete(key)));
  return h('li', {}, details);
}

function statusPill(status, ok, error) {
  const good = status >= 200 && status < 300 && ok !== false;
  const text = status === 0 ? 'no answer' : error ? `${status} ${error}` : ok === false ? `${status} not ok` : String(status);
  return h('span', { class: good ? 'pill pill-ok' : 'pill pill-bad' }, text);
}

// Log times are this computer's clock (messages show the viewer's own Slack time zone, as Slack does).
function logTime(ms) {
  return h('time', { class: 'log-time', datetime: new Date(ms).toISOString(), title: 'this computer’s clock' }, clock(ms));
}

function clock(ms) {
  const date = new Date(ms);
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
