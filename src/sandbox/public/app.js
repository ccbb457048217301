/* global document, window, history, location, setTimeout, clearTimeout, setInterval, URLSearchParams */
import { api, getSnapshot, watchVersions } from './api.js';
import { renderBlocks } from './blocks.js';
import { renderCalls, renderInbound } from './calls.js';
import { createComposer } from './composer.js';
import { fragment, h, renderRegion } from './dom.js';
import { renderChannelTimeline, renderThread } from './messages.js';
import { createPeopleEditor } from './people.js';

// The page: who you are ("View as"), where you are (a channel, your DM with the bot, or its Home
// tab), an open thread, and the log panel. Each region is redrawn from the latest snapshot only
// when what it shows changed, so typing, focus and scroll positions survive live updates.

const $ = (id) => document.getElementById(id);
const ui = {
  viewer: $('viewer-select'),
  navToggle: $('nav-toggle'),
  navClose: $('nav-close'),
  sidebar: $('sidebar'),
  channels: $('channel-list'),
  dms: $('dm-list'),
  apps: $('app-list'),
  tzNote: $('tz-note'),
  title: $('conversation-title'),
  topic: $('conversation-topic'),
  timeline: $('timeline'),
  composer: $('composer'),
  thread: $('thread-panel'),
  threadTitle: $('thread-title'),
  threadTimeline: $('thread-timeline'),
  threadComposer: $('thread-composer'),
  threadClose: $('thread-close'),
  callsToggle: $('calls-toggle'),
  callsBody: $('calls-body'),
  callsCount: $('calls-count'),
  callsTabs: { calls: $('tab-calls'), inbound: $('tab-inbound') },
  callsList: $('calls-list'),
  toast: $('toast'),
  digest: $('digest-button'),
  peopleButton: $('people-button'),
  peopleDialog: $('people-dialog'),
};

const state = {
  viewer: undefined,
  /** { kind: 'channel', id } | { kind: 'dm' } | { kind: 'home' } */
  view: { kind: 'channel', id: undefined },
  /** { channel, ts } of the open thread */
  thread: undefined,
  snapshot: undefined,
  logTab: 'calls',
};

// ---- Data ------------------------------------------------------------------------------------

let fetching = false;
let fetchAgain = false;

async function refresh() {
  if (fetching) {
    fetchAgain = true;
    return;
  }
  fetching = true;
  try {
    do {
      fetchAgain = false;
      const asked = state.viewer;
      const snapshot = await getSnapshot(asked);
      // A snapshot for someone the visitor is no longer viewing as is stale.
      if (asked === state.viewer || asked === undefined) apply(snapshot);
    } while (fetchAgain);
  } catch (error) {
    notify(error.message, true);
  } finally {
    fetching = false;
  }
}

function apply(snapshot) {
  state.snapshot = snapshot;
  // The server answers for its first viewer when it does not know the one asked for (a stale link).
  state.viewer = snapshot.viewer;
  if (state.view.kind === 'channel' && !snapshot.channels.some((c) => c.id === state.view.id)) state.view = { kind: 'channel', id: snapshot.channels[0]?.id };
  render();
}

// ---- Rendering -------------------------------------------------------------------------------

function context() {
  const { snapshot } = state;
  const people = new Map(snapshot.people.map((p) => [p.id, p]));
  return {
    viewer: state.viewer,
    timeZone: people.get(state.viewer)?.tz,
    person: (id) => people.get(id),
    personName: (id) => (id === snapshot.bot.id ? 'lanekeeper' : people.get(id)?.name.split(' ')[0]),
    channelName: (id) => snapshot.channels.find((c) => c.id === id)?.name,
    onChannel: (id) => navigate({ kind: 'channel', id }),
    onOpenThread: openThread,
    onAction: click,
  };
}

function render() {
  const { snapshot } = state;
  if (!snapshot) return;
  const ctx = context();
  renderViewerSelect(snapshot);
  renderSidebar(snapshot);
  renderConversation(snapshot, ctx);
  renderThreadPanel(snapshot, ctx);
  renderLog(snapshot);
  saveLocation();
}

function renderViewerSelect(snapshot) {
  renderRegion(ui.viewer, JSON.stringify([snapshot.people.map((p) => [p.id, p.name, p.title]), state.viewer]), () =>
    fragment(snapshot.people.map((p) => h('option', { value: p.id, selected: p.id === state.viewer }, `${p.name} (${p.title || 'no title'})`))),
  );
  ui.viewer.value = state.viewer;
}

function renderSidebar(snapshot) {
  const current = (kind, id) => state.view.kind === kind && (kind !== 'channel' || state.view.id === id);
  const entry = (label, kind, id, extra) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'nav-item', 'aria-current': current(kind, id) ? 'page' : undefined, dataset: { focusKey: `nav:${kind}:${id ?? ''}` }, onclick: () => navigate(kind === 'channel' ? { kind, id } : { kind }) },
        label,
        extra,
      ),
    );
  const dmCount = (snapshot.messages[snapshot.dm] ?? []).filter((m) => m.fromBot).length;
  renderRegion(ui.channels, JSON.stringify([snapshot.channels.map((c) => c.id), state.view]), () =>
    fragment(snapshot.channels.map((c) => entry(h('span', {}, h('span', { class: 'hash', 'aria-hidden': 'true' }, '#'), c.name), 'channel', c.id))),
  );
  renderRegion(ui.dms, JSON.stringify([state.view, dmCount]), () =>
    entry('lanekeeper', 'dm', undefined, dmCount > 0 ? h('span', { class: 'count', 'aria-label': `${dmCount} message${dmCount === 1 ? '' : 's'}` }, String(dmCount)) : null),
  );
  renderRegion(ui.apps, JSON.stringify([state.view]), () => entry('lanekeeper Home', 'home'));
  const zone = snapshot.people.find((p) => p.id === state.viewer)?.tz;
  ui.tzNote.textContent = `Everyone starts in a time zone where it is about midday now (${zone ?? 'UTC'}): lanekeeper nudges people only during their working hours (08:00–19:00 their time) and would otherwise hold a nudge until the morning. Change it under People.`;
}

function renderConversation(snapshot, ctx) {
  const { view } = state;
  const me = snapshot.people.find((p) => p.id === state.viewer);
  const first = me?.name.split(' ')[0] ?? 'you';
  ui.composer.hidden = view.kind === 'home';
  if (view.kind === 'home') {
    delete ui.timeline.dataset.conversation;
    ui.title.textContent = 'lanekeeper · Home';
    ui.topic.textContent = `The Home tab lanekeeper published for ${first} (views.publish).`;
    renderRegion(ui.timeline, JSON.stringify(['home', state.viewer, snapshot.home, names(snapshot)]), () =>
      snapshot.home
        ? h('div', { class: 'home-view' }, renderBlocks(snapshot.home.blocks, ctx, { kind: 'home' }))
        : h('p', { class: 'empty' }, 'Opening the Home tab… lanekeeper publishes it with views.publish when it hears app_home_opened.'),
    );
    return;
  }
  const channel = view.kind === 'dm' ? snapshot.dm : view.id;
  const info = snapshot.channels.find((c) => c.id === channel);
  ui.title.textContent = view.kind === 'dm' ? 'lanekeeper' : `#${info?.name ?? channel}`;
  ui.topic.textContent = view.kind === 'dm' ? `${first}'s direct messages with lanekeeper: digests and DM nudges land here.` : (info?.topic ?? '');
  composer.setPlaceholder(view.kind === 'dm' ? `Message lanekeeper as ${first}` : `Message #${info?.name ?? channel} as ${first}`);

  const messages = snapshot.messages[channel] ?? [];
  const ephemerals = snapshot.ephemerals.filter((e) => e.channel === channel);
  // Another conversation opens at its latest message; the same one keeps the reader's place.
  const switched = ui.timeline.dataset.conversation !== channel;
  ui.timeline.dataset.conversation = channel;
  renderRegion(
    ui.timeline,
    JSON.stringify([channel, state.viewer, messages, ephemerals, names(snapshot)]),
    () => (messages.length === 0 && ephemerals.length === 0 ? emptyChannel(info, snapshot) : renderChannelTimeline(channel, messages, ephemerals, ctx)),
    { stickToBottom: true, scrollTo: switched ? 'bottom' : undefined },
  );
}

function emptyChannel(info, snapshot) {
  const examples = info?.examples ?? [];
  return h(
    'div',
    { class: 'empty-channel' },
    h('p', {}, info ? `This is the start of #${info.name}. lanekeeper is a member and reads every message.` : 'No messages yet.'),
    examples.length > 0 ? h('p', {}, 'Try one of these (it fills in the message box; press Enter to send):') : null,
    examples.map((example) => {
      const who = snapshot.people.find((p) => p.id === example.as);
      return h(
        'button',
        {
          type: 'button',
          class: 'example',
          onclick: () => {
            if (who) switchViewer(who.id);
            composer.fill(example.text);
          },
        },
        h('strong', {}, `As ${who?.name.split(' ')[0] ?? 'someone'}: `),
        example.text,
      );
    }),
  );
}

function renderThreadPanel(snapshot, ctx) {
  const open = state.thread !== undefined && state.view.kind !== 'home';
  ui.thread.hidden = !open;
  document.body.classList.toggle('thread-open', open);
  if (!open) {
    delete ui.threadTimeline.dataset.thread;
    return;
  }
  const { channel, ts } = state.thread;
  const messages = snapshot.messages[channel] ?? [];
  const ephemerals = snapshot.ephemerals.filter((e) => e.channel === channel && e.threadTs === ts);
  const info = snapshot.channels.find((c) => c.id === channel);
  ui.threadTitle.textContent = `Thread in ${info ? `#${info.name}` : 'lanekeeper'}`;
  // A thread opens at its start (the message, then what followed); later replies keep it at the end.
  const opened = ui.threadTimeline.dataset.thread !== `${channel}/${ts}`;
  ui.threadTimeline.dataset.thread = `${channel}/${ts}`;
  renderRegion(
    ui.threadTimeline,
    JSON.stringify([channel, ts, state.viewer, messages.filter((m) => m.ts === ts || m.threadTs === ts), ephemerals, names(snapshot)]),
    () => renderThread(channel, ts, messages, ephemerals, ctx),
    { stickToBottom: true, scrollTo: opened ? 'top' : undefined },
  );
}

function renderLog(snapshot) {
  const last = snapshot.calls.at(-1)?.seq ?? 0;
  ui.callsCount.textContent = `(${last})`;
  ui.callsTabs.calls.setAttribute('aria-pressed', String(state.logTab === 'calls'));
  ui.callsTabs.inbound.setAttribute('aria-pressed', String(state.logTab === 'inbound'));
  if (ui.callsBody.hidden) return;
  const ctx = context();
  renderRegion(ui.callsList, JSON.stringify([state.logTab, state.logTab === 'calls' ? snapshot.calls : snapshot.inbound]), () =>
    state.logTab === 'calls' ? renderCalls(snapshot.calls) : renderInbound(snapshot.inbound, ctx.personName),
  );
}

/** What names look like, so a rename redraws the messages that show it. */
function names(snapshot) {
  return snapshot.people.map((p) => [p.id, p.name, p.tz]);
}

// ---- What the visitor does -------------------------------------------------------------------

function navigate(view) {
  state.view = view;
  if (view.kind !== 'channel' || state.thread?.channel !== view.id) state.thread = undefined;
  ui.sidebar.classList.remove('open');
  ui.navToggle.setAttribute('aria-expanded', 'false');
  render();
  if (view.kind === 'home') void openHome();
  else composer.focus();
}

function openThread(channel, ts) {
  state.thread = { channel, ts };
  render();
  threadComposer.focus();
}

function switchViewer(id) {
  if (id === state.viewer) return;
  state.viewer = id;
  ui.viewer.value = id;
  void refresh();
  if (state.view.kind === 'home') void openHome();
}

async function openHome() {
  try {
    await api.openHome({ viewer: state.viewer });
  } catch (error) {
    notify(error.message, true);
  }
}

async function send(text, threadTs) {
  const channel = state.view.kind === 'dm' ? state.snapshot.dm : state.view.id;
  try {
    if (text.startsWith('/')) {
      if (threadTs) {
        notify('Slack does not run slash commands in threads: use the message box of the channel.', true);
        return false;
      }
      await api.command({ viewer: state.viewer, channel, text });
    } else {
      await api.post({ viewer: state.viewer, channel, threadTs, text });
    }
    return true;
  } catch (error) {
    notify(error.message, true);
    return false;
  }
}

async function click({ actionId, blockId, place, element, confirm, url }) {
  if (confirm && !window.confirm([confirm.title?.text, confirm.text?.text].filter(Boolean).join('\n\n') || 'Are you sure?')) return;
  if (url) window.open(url, '_blank', 'noopener');
  element.disabled = true;
  element.setAttribute('aria-busy', 'true');
  try {
    await api.click({ viewer: state.viewer, actionId, blockId, on: place });
  } catch (error) {
    notify(error.message, true);
  } finally {
    element.disabled = false;
    element.removeAttribute('aria-busy');
  }
}

async function runDigest() {
  ui.digest.disabled = true;
  try {
    const result = await api.runDigest({ viewer: state.viewer });
    if (!result.available) {
      notify('This build of lanekeeper has no digest tick to run (runDigestTick is missing).', true);
    } else if (result.queued === 0) {
      notify('No digest queued: nobody has a week with project work to report yet, or this week’s digests already went out (one per person per week, as with `digest send --at` run twice).');
    } else {
      const when = new Intl.DateTimeFormat('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: context().timeZone }).format(result.ticks[0].atMs);
      notify(`${result.queued} digest${result.queued === 1 ? '' : 's'} queued, as the tick at each person’s next slot would (e.g. ${when}, ${state.snapshot.people.find((p) => p.id === state.viewer)?.name.split(' ')[0]}’s time). They arrive as DMs from lanekeeper.`);
    }
  } catch (error) {
    notify(error.message, true);
  } finally {
    ui.digest.disabled = false;
  }
}

let toastTimer;
function notify(text, isError = false) {
  ui.toast.textContent = text;
  ui.toast.classList.toggle('toast-error', isError);
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (ui.toast.hidden = true), 8000);
}

// ---- Location (so a reload keeps who and where) ----------------------------------------------

function saveLocation() {
  const params = new URLSearchParams({ as: state.viewer ?? '' });
  params.set('in', state.view.kind === 'channel' ? state.view.id : state.view.kind);
  if (state.thread) params.set('thread', state.thread.ts);
  const hash = `#${params}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

function loadLocation() {
  const params = new URLSearchParams(location.hash.slice(1));
  const as = params.get('as');
  if (as) state.viewer = as;
  const where = params.get('in');
  if (where === 'dm' || where === 'home') state.view = { kind: where };
  else if (where) state.view = { kind: 'channel', id: where };
  const thread = params.get('thread');
  if (thread && state.view.kind === 'channel') state.thread = { channel: state.view.id, ts: thread };
}

/** Permalinks in the bot's messages (digests link to the messages they count) open here. */
function followPermalink(event) {
  const link = event.target.closest('a.md-link');
  const match = link && /\/archives\/([A-Z0-9]+)\/p(\d{7,})/.exec(link.getAttribute('href') ?? '');
  if (!match || !state.snapshot?.channels.some((c) => c.id === match[1])) return;
  event.preventDefault();
  const ts = `${match[2].slice(0, -6)}.${match[2].slice(-6)}`;
  const message = (state.snapshot.messages[match[1]] ?? []).find((m) => m.ts === ts);
  navigate({ kind: 'channel', id: match[1] });
  openThread(match[1], message?.threadTs ?? ts);
}

// ---- Start -----------------------------------------------------------------------------------

const people = () => (state.snapshot?.people ?? []).map((p) => ({ id: p.id, handle: p.handle, name: p.name, title: p.title }));
const composer = createComposer(ui.composer, { people, onSubmit: (text) => send(text) });
const threadComposer = createComposer(ui.threadComposer, { people, onSubmit: (text) => send(text, state.thread?.ts) });
const peopleEditor = createPeopleEditor(ui.peopleDialog, {
  snapshot: () => state.snapshot,
  save: async (id, changes) => {
    await api.updatePerson(id, changes);
    await refresh();
  },
  add: async (person) => {
    await api.addPerson(person);
    await refresh();
  },
  everyoneToMidday: async () => {
    await api.everyoneToMidday();
    await refresh();
  },
  notify,
});

ui.viewer.addEventListener('change', () => switchViewer(ui.viewer.value));
const setNavOpen = (open) => {
  ui.sidebar.classList.toggle('open', open);
  ui.navToggle.setAttribute('aria-expanded', String(open));
  if (open) ui.sidebar.querySelector('[aria-current="page"]')?.focus();
  else ui.navToggle.focus();
};
ui.navToggle.addEventListener('click', () => setNavOpen(!ui.sidebar.classList.contains('open')));
ui.navClose.addEventListener('click', () => setNavOpen(false));
ui.sidebar.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && ui.sidebar.classList.contains('open')) setNavOpen(false);
});
ui.threadClose.addEventListener('click', () => {
  state.thread = undefined;
  render();
  composer.focus();
});
ui.thread.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.defaultPrevented) ui.threadClose.click();
});
ui.callsToggle.addEventListener('click', () => {
  ui.callsBody.hidden = !ui.callsBody.hidden;
  ui.callsToggle.setAttribute('aria-expanded', String(!ui.callsBody.hidden));
  delete ui.callsList.dataset.renderKey;
  render();
});
for (const [tab, button] of Object.entries(ui.callsTabs)) {
  button.addEventListener('click', () => {
    state.logTab = tab;
    render();
  });
}
ui.digest.addEventListener('click', () => void runDigest());
ui.peopleButton.addEventListener('click', () => peopleEditor.open());
document.addEventListener('click', followPermalink);
// Phones start with the log folded away: the conversation needs the room.
if (window.matchMedia('(max-width: 700px)').matches) {
  ui.callsBody.hidden = true;
  ui.callsToggle.setAttribute('aria-expanded', 'false');
}

loadLocation();
watchVersions(
  () => void refresh(),
  (connected) => {
    if (!connected) notify('Lost the connection to the sandbox; retrying…', true);
  },
);
// A slow safety net, should the event stream be cut by something in between.
setInterval(() => void refresh(), 10000);
void refresh().then(() => {
  if (state.view.kind === 'home') void openHome();
});
