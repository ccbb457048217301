import { fragment, h } from './dom.js';
import { renderAttachments, renderBlocks } from './blocks.js';
import { renderMrkdwn } from './mrkdwn.js';

// Messages as a Slack client lists them: the channel's top-level messages with their thread
// summaries, the thread panel, and ephemeral messages (only ever those meant for the viewer).

/**
 * ctx: { viewer, person(id), personName(id), channelName(id), botId, timeZone,
 *        onOpenThread(channel, ts), onAction(...), onChannel(id) }
 */
export function renderChannelTimeline(channel, messages, ephemerals, ctx) {
  const topLevel = messages.filter((m) => !m.threadTs);
  const items = [
    ...topLevel.map((message) => ({ ts: message.ts, node: () => renderMessage(message, channel, ctx, { threadSummary: threadSummary(message, messages, ephemerals) }) })),
    ...ephemerals.filter((e) => e.channel === channel && !e.threadTs).map((ephemeral) => ({ ts: ephemeral.ts, node: () => renderEphemeral(ephemeral, ctx) })),
  ].sort((a, b) => compareTs(a.ts, b.ts));
  return fragment(items.map((item) => item.node()));
}

export function renderThread(channel, parentTs, messages, ephemerals, ctx) {
  const parent = messages.find((m) => m.ts === parentTs);
  if (!parent) return h('p', { class: 'empty' }, 'This message is gone.');
  const replies = messages.filter((m) => m.threadTs === parentTs);
  const items = [
    ...replies.map((message) => ({ ts: message.ts, node: () => renderMessage(message, channel, ctx, {}) })),
    ...ephemerals.filter((e) => e.channel === channel && e.threadTs === parentTs).map((ephemeral) => ({ ts: ephemeral.ts, node: () => renderEphemeral(ephemeral, ctx) })),
  ].sort((a, b) => compareTs(a.ts, b.ts));
  return fragment(
    renderMessage(parent, channel, ctx, { inThreadPanel: true }),
    replies.length > 0 ? h('div', { class: 'thread-divider' }, replies.length === 1 ? '1 reply' : `${replies.length} replies`) : null,
    items.map((item) => item.node()),
  );
}

function threadSummary(message, messages, ephemerals) {
  const replies = messages.filter((m) => m.threadTs === message.ts);
  const privateOnes = ephemerals.filter((e) => e.threadTs === message.ts);
  if (replies.length === 0 && privateOnes.length === 0) return undefined;
  return { replies: replies.length, privateOnes: privateOnes.length };
}

function renderMessage(message, channel, ctx, { threadSummary: summary, inThreadPanel = false }) {
  const author = message.fromBot ? { name: message.appName ?? 'lanekeeper', isBot: true } : { name: ctx.person(message.user)?.name ?? message.user ?? 'someone', isBot: false };
  const place = { kind: 'message', channel, ts: message.ts };
  const canOpenThread = !inThreadPanel && !message.threadTs;
  // A click from the keyboard (Enter or Space on a button) has no pointer detail.
  const open = (event) => ctx.onOpenThread(channel, message.ts, { keyboard: event?.detail === 0 });
  return h(
    'article',
    {
      class: canOpenThread ? 'message message-openable' : 'message',
      // Focusable from script only: where focus lands when a button in it is replaced.
      tabindex: '-1',
      dataset: { ts: message.ts, focusKey: `message:${channel}/${message.ts}` },
      'aria-label': `${author.name}, ${formatTime(message.ts, ctx.timeZone)}`,
      // A click anywhere on the message opens its thread, except on its own buttons and links.
      onclick: canOpenThread
        ? (event) => {
            if (!event.target.closest('button, a, summary, input, textarea, select')) open(event);
          }
        : undefined,
    },
    avatar(author.name, author.isBot),
    h(
      'div',
      { class: 'message-body' },
      messageHeader(author, message.ts, ctx, { edited: message.edited }),
      h('div', { class: 'message-content' }, messageContent(message, ctx, place)),
      summary
        ? h(
            'button',
            { type: 'button', class: 'thread-summary', onclick: open, dataset: { focusKey: `thread:${message.ts}` } },
            summary.replies > 0 ? (summary.replies === 1 ? '1 reply' : `${summary.replies} replies`) : null,
            summary.replies > 0 && summary.privateOnes > 0 ? ' · ' : null,
            summary.privateOnes > 0 ? h('span', { class: 'private-count' }, `${summary.privateOnes} only visible to you`) : null,
            h('span', { class: 'thread-summary-go' }, ' View thread'),
          )
        : canOpenThread
          ? h('button', { type: 'button', class: 'reply-button', onclick: open, dataset: { focusKey: `reply:${message.ts}` } }, 'Reply in thread')
          : null,
    ),
  );
}

function renderEphemeral(ephemeral, ctx) {
  const author = ephemeral.from === 'slackbot' ? { name: 'Slackbot', isBot: true } : { name: 'lanekeeper', isBot: true };
  const place = { kind: 'ephemeral', id: ephemeral.id };
  return h(
    'article',
    { class: 'message message-ephemeral', tabindex: '-1', dataset: { ephemeral: ephemeral.id, focusKey: `ephemeral:${ephemeral.id}` }, 'aria-label': `${author.name}, only visible to you` },
    avatar(author.name, true),
    h(
      'div',
      { class: 'message-body' },
      messageHeader(author, ephemeral.ts, ctx, { ephemeral: true }),
      ephemeral.command ? h('div', { class: 'command-echo' }, h('code', {}, ephemeral.command)) : null,
      h('div', { class: 'message-content' }, messageContent(ephemeral, ctx, place)),
    ),
  );
}

function messageHeader(author, ts, ctx, { edited = false, ephemeral = false }) {
  return h(
    'header',
    { class: 'message-header' },
    h('span', { class: 'author' }, author.name),
    author.isBot ? h('span', { class: 'app-badge' }, 'APP') : null,
    h('time', { datetime: new Date(Number(ts) * 1000).toISOString() }, formatTime(ts, ctx.timeZone)),
    edited ? h('span', { class: 'edited' }, '(edited)') : null,
    ephemeral ? h('span', { class: 'ephemeral-label' }, 'Only visible to you') : null,
  );
}

/** Blocks when there are any (the text is then only the notification fallback), else the text. */
function messageContent(message, ctx, place) {
  const hasBlocks = Array.isArray(message.blocks) && message.blocks.some((b) => b?.type !== 'rich_text');
  return fragment(
    hasBlocks ? renderBlocks(message.blocks, ctx, place) : renderMrkdwn(message.text, ctx),
    renderAttachments(message.attachments, ctx, place),
  );
}

function avatar(name, isBot) {
  const initials = isBot && name === 'lanekeeper' ? 'lk' : name.trim().charAt(0).toUpperCase();
  const element = h('div', { class: isBot ? 'avatar avatar-bot' : 'avatar', 'aria-hidden': 'true' }, initials);
  if (!isBot) element.style.backgroundColor = colourFor(name);
  return element;
}

const PALETTE = ['#7c3aed', '#0e7490', '#b45309', '#be185d', '#15803d', '#1d4ed8', '#9f1239', '#4d7c0f'];

function colourFor(name) {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

export function formatTime(ts, timeZone) {
  try {
    return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(Number(ts) * 1000);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(Number(ts) * 1000);
  }
}

export function compareTs(a, b) {
  const [as, af = ''] = a.split('.');
  const [bs, bf = ''] = b.split('.');
  return Number(as) - Number(bs) || Number(af.padEnd(6, '0')) - Number(bf.padEnd(6, '0'));
}
