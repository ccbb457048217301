import type { MessageContent } from '../types';

/**
 * What a Slack message says, as one mrkdwn text the classifier reads.
 *
 * Real apps post their content in `blocks` and `attachments`, often with a short or empty `text`;
 * people's own messages carry `rich_text` blocks beside a `text` that says the same. This module
 * renders all of it into mrkdwn lines (mentions as `<@U…>`, bold as `*…*`, quotes as `&gt; …`), keeps
 * each line once, resolves people named by plain name against the workspace's directory, and cuts
 * the result to a bounded prefix. Pure: no I/O, and it never throws on a malformed payload (unknown
 * shapes are skipped).
 */

/** The most characters of a message that are judged; the rest is left out, and the reasons say so. */
export const MAX_JUDGED_CHARS = 8000;
/** Blocks nest (rich text inside lists inside quotes…); deeper payloads are not real Slack messages. */
const MAX_DEPTH = 8;
/** At most this many blocks, elements or fields are read at any one level. */
const MAX_ITEMS = 200;

/** The parts of a message the classifier reads (see ClassifyInput). Blocks and attachments are any JSON: only known shapes are read. */
export type MessageParts = Partial<MessageContent>;

export interface RenderedText {
  /** mrkdwn text, at most {@link MAX_JUDGED_CHARS} characters. */
  text: string;
  /** Characters in the whole rendered message, when it was cut to the prefix. */
  cutFrom?: number;
}

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value.slice(0, MAX_ITEMS) : [];
}

/** A text object (`{type: "mrkdwn" | "plain_text", text}`) or a bare string. */
function textObject(value: unknown): string {
  if (typeof value === 'string') return value;
  return isObj(value) ? str(value.text) : '';
}

/** A field is a label and a value, often on two lines ("*Assignee:*\n<@U1>"): read it as one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\n+\s*/g, ' ').trim();
}

/** Rich text elements (inside a section, list, quote or preformatted block) as mrkdwn. */
function richInline(elements: unknown): string {
  let out = '';
  for (const el of list(elements)) {
    if (!isObj(el)) continue;
    switch (el.type) {
      case 'text': {
        const text = str(el.text);
        const bold = isObj(el.style) && el.style.bold === true && text.trim().length > 0;
        out += bold ? `*${text.trim()}*${/\s$/.test(text) ? ' ' : ''}` : text;
        break;
      }
      case 'user':
        out += `<@${str(el.user_id)}>`;
        break;
      case 'usergroup':
        out += `<!subteam^${str(el.usergroup_id)}>`;
        break;
      case 'broadcast':
        out += `<!${str(el.range) || 'here'}>`;
        break;
      case 'channel':
        out += `<#${str(el.channel_id)}>`;
        break;
      case 'link':
        out += el.text ? `<${str(el.url)}|${str(el.text)}>` : `<${str(el.url)}>`;
        break;
      case 'emoji':
        out += `:${str(el.name)}:`;
        break;
      default:
        break;
    }
  }
  return out;
}

function richText(elements: unknown, depth: number, lines: string[]): void {
  if (depth > MAX_DEPTH) return;
  for (const el of list(elements)) {
    if (!isObj(el)) continue;
    if (el.type === 'rich_text_section' || el.type === 'rich_text_preformatted') {
      lines.push(richInline(el.elements));
    } else if (el.type === 'rich_text_quote') {
      for (const line of richInline(el.elements).split('\n')) lines.push(`&gt; ${line}`);
    } else if (el.type === 'rich_text_list') {
      const inner: string[] = [];
      richText(el.elements, depth + 1, inner);
      for (const item of inner) lines.push(`• ${item}`);
    }
  }
}

function renderBlocks(blocks: unknown, depth: number, lines: string[]): void {
  if (depth > MAX_DEPTH) return;
  for (const block of list(blocks)) {
    if (!isObj(block)) continue;
    switch (block.type) {
      case 'header':
        lines.push(`*${oneLine(textObject(block.text))}*`);
        break;
      case 'section':
        lines.push(textObject(block.text));
        for (const field of list(block.fields)) lines.push(oneLine(textObject(field)));
        break;
      case 'context':
        lines.push(list(block.elements).map(textObject).filter((t) => t.length > 0).join(' '));
        break;
      case 'rich_text':
        richText(block.elements, depth + 1, lines);
        break;
      default:
        // Buttons, images and dividers say nothing about who is asked to do what.
        break;
    }
  }
}

function renderAttachments(attachments: unknown, depth: number, lines: string[]): void {
  for (const att of list(attachments)) {
    if (!isObj(att)) continue;
    const before = lines.length;
    lines.push(str(att.pretext), str(att.title) ? `*${oneLine(str(att.title))}*` : '', str(att.text));
    for (const field of list(att.fields)) {
      if (!isObj(field)) continue;
      const title = oneLine(str(field.title));
      const value = oneLine(str(field.value));
      lines.push(title.length > 0 ? `${title.replace(/:$/, '')}: ${value}` : value);
    }
    renderBlocks(att.blocks, depth + 1, lines);
    // The fallback repeats the rest in plain text; read it only when the attachment has nothing else.
    if (lines.slice(before).every((l) => l.trim().length === 0)) lines.push(str(att.fallback));
  }
}

/** Whitespace-insensitive key of a line, to keep each line once. */
function lineKey(line: string): string {
  return line.replace(/[\s*_~]+/g, ' ').trim().toLowerCase();
}

/**
 * The message's text, blocks and attachments as one mrkdwn text: `text` first, then each line of the
 * blocks and attachments not already said (a `rich_text` block repeats `text`; a section often
 * repeats the notification's fallback text). Cut to {@link MAX_JUDGED_CHARS}.
 */
export function renderMessage(content: MessageParts): RenderedText {
  const text = str(content.text);
  // Cheap path: a plain message (the usual case) is its text.
  if (!Array.isArray(content.blocks) && !Array.isArray(content.attachments)) return bounded(text);
  const rendered: string[] = [];
  renderBlocks(content.blocks, 0, rendered);
  renderAttachments(content.attachments, 0, rendered);
  const seen = new Set<string>();
  const out: string[] = [];
  const keep = (line: string): void => {
    const key = lineKey(line);
    if (key.length === 0 || seen.has(key)) return;
    seen.add(key);
    out.push(line);
  };
  for (const line of text.slice(0, MAX_JUDGED_CHARS + 1).split('\n')) keep(line);
  const textKeys = lineKey(text.slice(0, MAX_JUDGED_CHARS + 1));
  for (const block of rendered) {
    for (const line of block.split('\n')) {
      // A line the text already says in full (the text is often the blocks' summary) adds nothing.
      const key = lineKey(line);
      if (key.length > 0 && textKeys.includes(key)) continue;
      keep(line);
    }
    if (out.length > MAX_ITEMS * 4) break;
  }
  return bounded(out.join('\n'));
}

function bounded(text: string): RenderedText {
  if (text.length <= MAX_JUDGED_CHARS) return { text };
  // Cut at a line or word end, and never inside a `<…>` token (a mention or link cut in half).
  let cut = text.slice(0, MAX_JUDGED_CHARS);
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  const space = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  if (space > MAX_JUDGED_CHARS / 2) cut = cut.slice(0, space);
  return { text: cut, cutFrom: text.length };
}

// --- people named by plain name -------------------------------------------------------------------

/** A workspace directory: display or real name by Slack user id. */
export type NameDirectory = Readonly<Record<string, string>>;

interface CompiledNames {
  /** "@Ana Souza", "@Ana" (when only one person has that first name) or a full name after a label. */
  re: RegExp | null;
  byName: Map<string, string>;
}

const compiledNames = new WeakMap<NameDirectory, CompiledNames>();

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a directory once (cached by the directory object): full names anywhere they are written
 * as a name ("Ana Souza", "@Ana Souza"), and first names only after "@" and only when one person
 * has that first name. A first name alone in prose ("ask Ana") stays plain text, as people often
 * share a first name and a tracker would write the full name.
 */
function compileNames(names: NameDirectory): CompiledNames {
  const cached = compiledNames.get(names);
  if (cached) return cached;
  const byName = new Map<string, string>();
  const firstCount = new Map<string, number>();
  const entries = Object.entries(names).filter(([id, name]) => /^[UW][A-Z0-9_]+$/.test(id) && typeof name === 'string' && name.trim().length > 1);
  for (const [, name] of entries) {
    const first = name.trim().split(/\s+/)[0].toLowerCase();
    firstCount.set(first, (firstCount.get(first) ?? 0) + 1);
  }
  const full: string[] = [];
  const atOnly: string[] = [];
  for (const [id, rawName] of entries) {
    const name = rawName.trim().replace(/\s+/g, ' ');
    const key = name.toLowerCase();
    byName.set(key, id);
    if (name.includes(' ')) full.push(name);
    else atOnly.push(name);
    const first = key.split(' ')[0];
    if (name.includes(' ') && firstCount.get(first) === 1 && !byName.has(first)) {
      byName.set(first, id);
      atOnly.push(name.split(' ')[0]);
    }
  }
  const alt = (names: string[]): string =>
    names
      .sort((a, b) => b.length - a.length)
      .map((n) => n.split(' ').map(escapeRe).join('\\s+'))
      .join('|');
  const parts: string[] = [];
  if (full.length > 0) parts.push(`@?(?:${alt(full)})`);
  if (atOnly.length > 0) parts.push(`@(?:${alt(atOnly)})`);
  const re = parts.length === 0 ? null : new RegExp(`(?<![\\w<|@])(?:${parts.join('|')})(?![\\w])`, 'gi');
  const out = { re, byName };
  compiledNames.set(names, out);
  return out;
}

/**
 * Replaces people named by plain name with Slack mentions (`<@U…>`), outside `<…>` tokens. The
 * directory maps user ids to names ({"U_ANA": "Ana Souza"}).
 */
export function resolveNames(text: string, names: NameDirectory | undefined): string {
  if (names === undefined) return text;
  const { re, byName } = compileNames(names);
  if (re === null) return text;
  // Split around existing `<…>` tokens, so a link label or a mention's label is never rewritten.
  return text
    .split(/(<[^<>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part
        : part.replace(re, (match) => {
            const id = byName.get(match.replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase());
            return id === undefined ? match : `<@${id}>`;
          }),
    )
    .join('');
}
