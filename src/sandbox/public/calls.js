import { h } from './dom.js';

// The developer's view: every Web API call the bot made (method, time, status, arguments as Slack
// received them) and every signed request the sandbox sent the bot, newest first.

const openRows = new Set();

export function renderCalls(calls) {
  if (calls.length === 0) return h('p', { class: 'empty' }, 'No Web API calls yet.');
  return h(
    'ol',
    { class: 'log-list', reversed: true },
    [...calls].reverse().map((call) =>
      logRow(`call:${call.seq}`, [
        logTime(call.at),
        h('span', { class: 'log-method' }, call.method),
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
