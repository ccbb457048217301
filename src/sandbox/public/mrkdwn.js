import { fragment, h } from './dom.js';
import { withEmoji } from './emoji.js';

// Slack's mrkdwn as DOM nodes: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes,
// <@U…> mentions, <#C…|name> channels, <!here>, <url|label> links, :emoji: and the three entities
// Slack escapes (&amp; &lt; &gt;). Every piece of text ends up in a text node.

// Characters from Unicode's private use area stand for <…> tokens while styles are parsed, so a
// URL's underscores or asterisks can never be read as formatting.
const TOKEN_BASE = 0xe000;
const TOKEN_PATTERN = /[\ue000-\uf8ff]/;
const OPEN_BEFORE = /[\s([{"'“‘>*_~\u00a0]/;
const CLOSE_AFTER = /[\s.,;:!?)\]}"'”’*_~\-\u00a0]/;

/**
 * ctx: { personName(id) → string | undefined, channelName(id) → string | undefined,
 *        viewer: user id, onChannel(id) }
 */
export function renderMrkdwn(text, ctx) {
  const out = fragment();
  const parts = String(text ?? '').split(/```([\s\S]*?)```/);
  parts.forEach((part, index) => {
    if (index % 2 === 1) out.append(h('pre', { class: 'md-pre' }, decodeEntities(part.replace(/^\n/, ''))));
    else if (part) out.append(renderLines(part, ctx));
  });
  return out;
}

/** plain_text objects: no formatting, but emoji shortcodes (unless emoji: false). */
export function renderPlain(text, emoji = true) {
  return emoji ? replaceEmoji(String(text ?? '')) : String(text ?? '');
}

export function decodeEntities(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function renderLines(text, ctx) {
  const out = fragment();
  const lines = text.split('\n');
  let quote = null;
  lines.forEach((line, index) => {
    const quoted = /^(>|&gt;)\s?/.exec(line);
    if (quoted) {
      if (!quote) {
        quote = h('blockquote', { class: 'md-quote' });
        out.append(quote);
      } else {
        quote.append(h('br'));
      }
      quote.append(renderInline(line.slice(quoted[0].length), ctx));
      return;
    }
    quote = null;
    out.append(renderInline(line, ctx));
    if (index < lines.length - 1 && !/^(>|&gt;)/.test(lines[index + 1] ?? '')) out.append(h('br'));
  });
  return out;
}

function renderInline(line, ctx) {
  const out = fragment();
  // Inline code is literal: split it out first.
  const pieces = line.split(/`([^`\n]+)`/);
  pieces.forEach((piece, index) => {
    if (index % 2 === 1) out.append(h('code', { class: 'md-code' }, decodeEntities(piece)));
    else if (piece) out.append(renderStyled(piece, ctx));
  });
  return out;
}

function renderStyled(text, ctx) {
  const tokens = [];
  const masked = text.replace(/<([^<>\s][^<>]*)>/g, (_, inner) => {
    tokens.push(inner);
    return String.fromCharCode(TOKEN_BASE + tokens.length - 1);
  });
  return emit(parseStyles(masked), tokens, ctx);
}

/** Splits text into plain strings and { style, children } nodes, following Slack's boundary rules. */
function parseStyles(text) {
  const nodes = [];
  let buffer = '';
  for (let i = 0; i < text.length; i += 1) {
    const marker = text[i];
    if ((marker === '*' || marker === '_' || marker === '~') && opens(text, i)) {
      const end = findClose(text, i);
      if (end > i) {
        if (buffer) nodes.push(buffer);
        buffer = '';
        nodes.push({ style: marker, children: parseStyles(text.slice(i + 1, end)) });
        i = end;
        continue;
      }
    }
    buffer += marker;
  }
  if (buffer) nodes.push(buffer);
  return nodes;
}

function opens(text, i) {
  const before = i === 0 ? ' ' : text[i - 1];
  const after = text[i + 1];
  return OPEN_BEFORE.test(before) && after !== undefined && !/\s/.test(after) && after !== text[i];
}

function findClose(text, start) {
  const marker = text[start];
  for (let j = start + 2; j < text.length; j += 1) {
    if (text[j] !== marker) continue;
    const after = j + 1 === text.length ? ' ' : text[j + 1];
    if (!/\s/.test(text[j - 1]) && CLOSE_AFTER.test(after)) return j;
  }
  return -1;
}

const STYLE_TAGS = { '*': 'strong', _: 'em', '~': 's' };

function emit(nodes, tokens, ctx) {
  const out = fragment();
  for (const node of nodes) {
    if (typeof node === 'string') out.append(emitText(node, tokens, ctx));
    else out.append(h(STYLE_TAGS[node.style], {}, emit(node.children, tokens, ctx)));
  }
  return out;
}

function emitText(text, tokens, ctx) {
  const out = fragment();
  let plain = '';
  for (const char of text) {
    if (TOKEN_PATTERN.test(char) && tokens[char.charCodeAt(0) - TOKEN_BASE] !== undefined) {
      if (plain) out.append(replaceEmoji(decodeEntities(plain)));
      plain = '';
      out.append(renderToken(tokens[char.charCodeAt(0) - TOKEN_BASE], ctx));
    } else {
      plain += char;
    }
  }
  if (plain) out.append(replaceEmoji(decodeEntities(plain)));
  return out;
}

/** One <…> token: a mention, a channel, a special mention, or a link. */
function renderToken(inner, ctx) {
  const [target, ...labelParts] = inner.split('|');
  const label = labelParts.length > 0 ? decodeEntities(labelParts.join('|')) : undefined;
  if (/^@[UW][A-Z0-9_]+$/.test(target)) {
    const id = target.slice(1);
    const name = ctx.personName(id) ?? label ?? id;
    return h('span', { class: id === ctx.viewer ? 'mention mention-me' : 'mention', title: id }, `@${name}`);
  }
  if (/^#C[A-Z0-9_]+$/.test(target)) {
    const id = target.slice(1);
    const name = ctx.channelName(id) ?? label ?? id;
    return ctx.channelName(id)
      ? h('button', { type: 'button', class: 'channel-link', onclick: () => ctx.onChannel(id) }, `#${name}`)
      : h('span', { class: 'channel-link' }, `#${name}`);
  }
  if (target.startsWith('!')) {
    const special = target.slice(1);
    if (['here', 'channel', 'everyone'].includes(special)) return h('span', { class: 'mention' }, `@${special}`);
    if (special.startsWith('subteam^')) return h('span', { class: 'mention' }, label ?? '@group');
    return label ?? `<${decodeEntities(target)}>`;
  }
  const url = decodeEntities(target);
  if (/^(https?:|mailto:)/i.test(url)) {
    return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'md-link' }, label ?? url);
  }
  // Anything else (javascript:, data:, unknown schemes) is shown, never made clickable.
  return label ?? url;
}

/** :shortcodes: and emoji characters, drawn or named (see emoji.js): never an empty box. */
function replaceEmoji(text) {
  return withEmoji(text);
}
