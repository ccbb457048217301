/* global document, window, history, location, setTimeout, clearTimeout, setInterval, URLSearchParams, sessionStorage */
import { api, getSnapshot, useWorkspace, watchVersions } from './api.js';
import { renderBlocks } from './blocks.js';
import { renderCalls, renderHeld, renderInbound } from './calls.js';
import { createComposer } from './composer.js';
import { fragment, h, renderRegion } from './dom.js';
import { compareTs, renderChannelTimeline, renderThread } from './messages.js';
import { createPeopleEditor } from './people.js';

// The page: who you are ("View as"), where you are (a channel, your DM with the bot, or its Home
// tab), an open thread, and the log panel. Each region is redrawn from the latest snapshot only
// when what it shows changed, so typing, focus and scroll positions survive live updates.

const $ = (id) => document.getElementById(id);
const ui = {
  workspaceSwitcher: $('workspace-switcher'),
  workspace: $('workspace-select'),
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
  callsTabs: { calls: $('tab-calls'), inbound: $('tab-inbound'), held: $('tab-held') },
  callsList: $('calls-list'),
  toast: $('toast'),
  topbar: $('topbar'),
  moreToggle: $('more-toggle'),
  topActions: $('top-actions'),
  digest: $('digest-button'),
  peopleButton: $('people-button'),
  peopleDialog: $('people-dialog'),
};

const state = {
  /** The workspace shown (a team id); undefined until the first snapshot names it. */
  workspace: undefined,
  /** Per workspace left, who and where the visitor was, so switching back returns there. */
  leftIn: {},
  viewer: undefined,
  /** { kind: 'channel', id } | { kind: 'dm' } | { kind: 'home' } */
  view: { kind: 'channel', id: undefined },
  /** { channel, ts } of the open thread */
  thread: undefined,
  snapshot: undefined,
  logTab: 'calls',
  /** What opened the thread (a focus key in the channel), so closing it goes back there. */
  threadOpener: undefined,
  /** Per viewer, the newest DM message they have seen: the badge counts only newer ones. */
  seenDm: loadSeenDm(),
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
      const askedWorkspace = state.workspace;
      const snapshot = await getSnapshot(asked, askedWorkspace);
      // A snapshot for someone the visitor is no longer viewing as, or of a workspace they left, is stale.
      if (askedWorkspace === state.workspace && (asked === state.viewer || asked === undefined)) apply(snapshot);
    } while (fetchAgain);
  } catch (error) {
    notify(error.message, true);
  } finally {
    fetching = false;
  }
}

function apply(snapshot) {
  state.snapshot = snapshot;
  // The server answers for its first viewer (and workspace) when it does not know the one asked for (a stale link).
  state.viewer = snapshot.viewer;
  state.workspace = snapshot.team.id;
  useWorkspace(state.workspace);
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
  if (state.view.kind === 'dm') markDmSeen(snapshot);
  renderWorkspaceSelect(snapshot);
  renderViewerSelect(snapshot);
  renderSidebar(snapshot);
  renderConversation(snapshot, ctx);
  renderThreadPanel(snapshot, ctx);
  renderLog(snapshot);
  saveLocation();
}

function renderWorkspaceSelect(snapshot) {
  const workspaces = snapshot.workspaces ?? [];
  ui.workspaceSwitcher.hidden = workspaces.length < 2;
  renderRegion(ui.workspace, JSON.stringify([workspaces, state.workspace]), () =>
    fragment(workspaces.map((w) => h('option', { value: w.id, selected: w.id === state.workspace }, w.name))),
  );
  ui.workspace.value = state.workspace;
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
  const seen = state.seenDm[state.viewer];
  const dmCount = (snapshot.messages[snapshot.dm] ?? []).filter((m) => m.fromBot && (!seen || compareTs(m.ts, seen) > 0)).length;
  renderRegion(ui.channels, JSON.stringify([snapshot.channels.map((c) => c.id), state.view]), () =>
    fragment(snapshot.channels.map((c) => entry(h('span', {}, h('span', { class: 'hash', 'aria-hidden': 'true' }, '#'), c.name), 'channel', c.id))),
  );
  renderRegion(ui.dms, JSON.stringify([state.view, dmCount]), () =>
    entry('lanekeeper', 'dm', undefined, dmCount > 0 ? h('span', { class: 'count', 'aria-label': `${dmCount} unread message${dmCount === 1 ? '' : 's'}` }, String(dmCount)) : null),
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
        ? h(
            'div',
            // Where focus lands when the bot republishes the tab without the button that was pressed.
            { class: 'home-view', role: 'region', 'aria-label': 'Home tab content', tabindex: '-1', dataset: { focusKey: 'home-view' } },
            renderBlocks(snapshot.home.blocks, ctx, { kind: 'home' }),
          )
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
  // Another conversation opens at the start of its newest message; the same one keeps the reader's place.
  const switched = ui.timeline.dataset.conversation !== channel;
  ui.timeline.dataset.conversation = channel;
  renderRegion(
    ui.timeline,
    JSON.stringify([channel, state.viewer, messages, ephemerals, names(snapshot)]),
    () => (messages.length === 0 && ephemerals.length === 0 ? emptyChannel(info, snapshot) : renderChannelTimeline(channel, messages, ephemerals, ctx)),
    { stickToBottom: true, scrollTo: switched ? 'newest' : undefined },
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
  const totals = snapshot.callTotals ?? { webApi: snapshot.calls.length, responseUrl: 0 };
  const waiting = (snapshot.held ?? []).filter((entry) => entry.leftAt === undefined).length;
  ui.callsCount.textContent = `(${totals.webApi}) · response_url posts (${totals.responseUrl})${waiting > 0 ? ` · ${waiting} nudge${waiting === 1 ? '' : 's'} held` : ''}`;
  ui.callsTabs.held.textContent = `Held nudges (${waiting})`;
  for (const [tab, button] of Object.entries(ui.callsTabs)) button.setAttribute('aria-pressed', String(state.logTab === tab));
  if (ui.callsBody.hidden) return;
  const ctx = context();
  const shown = { calls: snapshot.calls, inbound: snapshot.inbound, held: [snapshot.held, names(snapshot)] }[state.logTab];
  renderRegion(ui.callsList, JSON.stringify([state.logTab, shown]), () => {
    if (state.logTab === 'calls') return renderCalls(snapshot.calls);
    if (state.logTab === 'inbound') return renderInbound(snapshot.inbound, ctx.personName);
    return renderHeld(snapshot.held ?? [], { person: ctx.person, channelName: ctx.channelName });
  });
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

/**
 * Opened from the keyboard, focus goes to the thread's start, so Tab reaches the buttons of its
 * messages (a nudge) before the reply box; opened with the pointer, to the reply box, as in Slack.
 */
function openThread(channel, ts, { keyboard = false } = {}) {
  const opener = document.activeElement?.closest?.('#timeline [data-focus-key]');
  state.threadOpener = opener && ui.timeline.contains(opener) ? opener.dataset.focusKey : `message:${channel}/${ts}`;
  state.thread = { channel, ts };
  render();
  if (keyboard) ui.threadTimeline.focus();
  else threadComposer.focus();
}

function closeThread() {
  const opener = state.threadOpener;
  state.thread = undefined;
  state.threadOpener = undefined;
  render();
  const back = opener ? ui.timeline.querySelector(`[data-focus-key="${opener.replace(/["\\]/g, '\\$&')}"]`) : null;
  if (back) back.focus();
  else composer.focus();
}

/** Another workspace: its own people, channels and bot token. Coming back returns to where the visitor was. */
function switchWorkspace(id) {
  if (id === state.workspace) return;
  if (state.workspace) state.leftIn[state.workspace] = { viewer: state.viewer, view: state.view };
  const back = state.leftIn[id];
  state.workspace = id;
  useWorkspace(id);
  // Unknown to the new workspace until its snapshot comes: its first viewer and first channel.
  state.viewer = back?.viewer;
  state.view = back?.view ?? { kind: 'channel', id: undefined };
  state.thread = undefined;
  state.threadOpener = undefined;
  void refresh().then(() => {
    if (state.view.kind === 'home') void openHome();
  });
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

async function click({ actionId, blockId, place, element, confirm, url, option }) {
  if (confirm && !window.confirm([confirm.title?.text, confirm.text?.text].filter(Boolean).join('\n\n') || 'Are you sure?')) return;
  if (url) window.open(url, '_blank', 'noopener');
  // Busy, not disabled: disabling the focused button would drop the keyboard focus to <body>.
  if (element.getAttribute('aria-disabled') === 'true') return;
  element.setAttribute('aria-disabled', 'true');
  element.setAttribute('aria-busy', 'true');
  try {
    await api.click({ viewer: state.viewer, actionId, blockId, on: place, ...(option !== undefined ? { option } : {}) });
  } catch (error) {
    notify(error.message, true);
  } finally {
    element.removeAttribute('aria-disabled');
    element.removeAttribute('aria-busy');
  }
}

async function runDigest() {
  setMenuOpen(false, { restoreFocus: false });
  ui.digest.setAttribute('aria-disabled', 'true');
  try {
    const result = await api.runDigest({ viewer: state.viewer });
    notify(...digestMessage(result));
  } catch (error) {
    notify(error.message, true);
  } finally {
    ui.digest.removeAttribute('aria-disabled');
  }
}

/** What a press of "Run the weekly digest now" did, in words: [text, isError]. */
function digestMessage(result) {
  if (!result.available) return ['This build of lanekeeper has no digest tick to run (runDigestTick is missing).', true];
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const fresh = result.fresh ?? result.queued;
  const repeated = result.repeated ?? 0;
  if (result.queued === 0) return ['No digest queued: nobody has a week of project work to report yet (digests go to product managers lanekeeper has counted work for).'];
  if (fresh === 0) {
    return [`This week’s digests already went out: the tick asked again for ${plural(repeated, 'digest')}, and the queue refused ${repeated === 1 ? 'it' : 'them'} (one per person per week, as when “digest send --at” runs twice). Nothing was sent twice.`];
  }
  const me = state.snapshot.people.find((p) => p.id === state.viewer);
  const when = new Intl.DateTimeFormat('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: context().timeZone }).format(result.ticks[0].atMs);
  const earlier = repeated > 0 ? ` ${plural(repeated, 'other')} already went out earlier and ${repeated === 1 ? 'was' : 'were'} not sent again.` : '';
  return [`${plural(fresh, 'digest')} queued, as the tick at each person’s next slot would (e.g. ${when}, ${me?.name.split(' ')[0] ?? 'your'}’s time). They arrive as DMs from lanekeeper.${earlier}`];
}

let toastTimer;
function notify(text, isError = false) {
  ui.toast.textContent = text;
  ui.toast.classList.toggle('toast-error', isError);
  ui.toast.hidden = false;
  // A popover sits in the top layer: shown again, it comes above an open dialog and its backdrop.
  if (typeof ui.toast.showPopover === 'function') {
    if (ui.toast.matches(':popover-open')) ui.toast.hidePopover();
    ui.toast.showPopover();
  }
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    if (typeof ui.toast.hidePopover === 'function' && ui.toast.matches(':popover-open')) ui.toast.hidePopover();
    ui.toast.hidden = true;
  }, 8000);
}

// ---- Unread DMs ------------------------------------------------------------------------------

function loadSeenDm() {
  try {
    return JSON.parse(sessionStorage.getItem('lanekeeper-sandbox-seen-dm') ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function markDmSeen(snapshot) {
  const newest = (snapshot.messages[snapshot.dm] ?? []).at(-1)?.ts;
  if (!newest || state.seenDm[state.viewer] === newest) return;
  state.seenDm = { ...state.seenDm, [state.viewer]: newest };
  try {
    sessionStorage.setItem('lanekeeper-sandbox-seen-dm', JSON.stringify(state.seenDm));
  } catch {
    // Storage refused (private mode): the badge then resets on reload, nothing worse.
  }
}

// ---- Location (so a reload keeps who and where) ----------------------------------------------

function saveLocation() {
  const params = new URLSearchParams({ ws: state.workspace ?? '', as: state.viewer ?? '' });
  params.set('in', state.view.kind === 'channel' ? state.view.id : state.view.kind);
  if (state.thread) params.set('thread', state.thread.ts);
  const hash = `#${params}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

function loadLocation() {
  const params = new URLSearchParams(location.hash.slice(1));
  const ws = params.get('ws');
  if (ws) {
    state.workspace = ws;
    useWorkspace(ws);
  }
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
  openThread(match[1], message?.threadTs ?? ts, { keyboard: event.detail === 0 });
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
});

ui.viewer.addEventListener('change', () => switchViewer(ui.viewer.value));
ui.workspace.addEventListener('change', () => switchWorkspace(ui.workspace.value));
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
ui.threadClose.addEventListener('click', closeThread);
ui.thread.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.defaultPrevented) closeThread();
});
// Should focus ever fall to <body> (a message deleted under it), Escape still closes the thread.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  if (ui.topbar.classList.contains('menu-open') && ui.topbar.contains(document.activeElement)) setMenuOpen(false);
  else if (state.thread && (document.activeElement === document.body || document.activeElement === null)) closeThread();
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
ui.digest.addEventListener('click', () => {
  if (ui.digest.getAttribute('aria-disabled') !== 'true') void runDigest();
});
ui.peopleButton.addEventListener('click', () => {
  setMenuOpen(false, { restoreFocus: false });
  peopleEditor.open();
});
// On a phone the top bar's actions fold into a menu: one row for the bar.
function setMenuOpen(open, { restoreFocus = true } = {}) {
  const wasOpen = ui.topbar.classList.contains('menu-open');
  ui.topbar.classList.toggle('menu-open', open);
  ui.moreToggle.setAttribute('aria-expanded', String(open));
  if (open) ui.topActions.querySelector('button')?.focus();
  else if (wasOpen && restoreFocus && ui.topActions.contains(document.activeElement)) ui.moreToggle.focus();
}
ui.moreToggle.addEventListener('click', () => setMenuOpen(!ui.topbar.classList.contains('menu-open')));
document.addEventListener('click', (event) => {
  if (ui.topbar.classList.contains('menu-open') && !ui.topbar.contains(event.target)) setMenuOpen(false, { restoreFocus: false });
});
document.addEventListener('click', followPermalink);
// The dialog gives focus back to what opened it; on a phone that was inside the folded menu.
ui.peopleDialog.addEventListener('close', () => {
  setTimeout(() => {
    if (document.activeElement === document.body || !document.activeElement?.checkVisibility?.()) {
      (ui.peopleButton.checkVisibility() ? ui.peopleButton : ui.moreToggle).focus();
    }
  }, 0);
});
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
