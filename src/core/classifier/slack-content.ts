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
      const raw = str(field.value).trim();
      // A value of several lines (a standup app's answers, a list) keeps its lines under its title.
      if (raw.includes('\n') && title.length > 0) lines.push(`${title.replace(/:$/, '')}:`, raw);
      else lines.push(title.length > 0 ? `${title.replace(/:$/, '')}: ${oneLine(raw)}` : oneLine(raw));
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

/** A name two or more people in the directory have: it names nobody in particular. */
const AMBIGUOUS = '';

interface NameIndex {
  /** Full names ("ana souza"), resolved wherever they are written. */
  full: Map<string, string>;
  /** One-word names and first names held by one person only: resolved after "@", written with a capital, or addressing someone. */
  afterAt: Map<string, string>;
  /** First names held by one person only, for a short form that addresses someone ("kev, can you…" for Kevin). */
  firsts: Array<readonly [string, string]>;
  /** The most words in any indexed name: how far a lookup looks ahead. */
  maxWords: number;
}

/** Names longer than this many words are not looked for (no real name is). */
const MAX_NAME_WORDS = 8;
/** A word of a name or a text: letters and digits. What lies between words is kept in the key ("mary-jane o'brien"). */
const NAME_WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** At most this many characters between two words of one name ("O'", "-", ". "). */
const MAX_NAME_GAP = 3;

const nameIndexes = new WeakMap<NameDirectory, NameIndex>();

/** The lookup key of a name: lower case, whitespace as one space, from its first word to its last ("Ana S." → "ana s"). */
function nameKey(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '')
    .toLowerCase();
}

function wordCount(key: string): number {
  return key.match(NAME_WORD)?.length ?? 0;
}

function addName(map: Map<string, string>, key: string, id: string): void {
  const had = map.get(key);
  map.set(key, had === undefined || had === id ? id : AMBIGUOUS);
}

/**
 * Indexes a directory once (cached by the directory object): full names, wherever they are written
 * as a name ("Ana Souza", "@Ana Souza"), and first names when one person has that first name, after
 * "@", written with a capital ("ask Ana") or addressing someone ("ana, can you…"); a short form of a
 * first name only when it addresses someone and starts one person's first name ("kev, pls…"). A name
 * two people share resolves to nobody.
 * Lookups are Map reads, so resolving costs the same whatever the size of the directory.
 */
function indexNames(names: NameDirectory): NameIndex {
  const cached = nameIndexes.get(names);
  if (cached) return cached;
  const full = new Map<string, string>();
  const afterAt = new Map<string, string>();
  const firstCount = new Map<string, number>();
  const entries: Array<[string, string]> = [];
  for (const [id, name] of Object.entries(names)) {
    if (!/^[UW][A-Z0-9_]+$/.test(id) || typeof name !== 'string') continue;
    const key = nameKey(name);
    const words = wordCount(key);
    if (key.length < 2 || words === 0 || words > MAX_NAME_WORDS) continue;
    entries.push([id, key]);
    const first = nameKey(key.split(' ')[0]);
    firstCount.set(first, (firstCount.get(first) ?? 0) + 1);
  }
  let maxWords = 1;
  for (const [id, key] of entries) {
    maxWords = Math.max(maxWords, wordCount(key));
    if (!key.includes(' ')) {
      addName(afterAt, key, id);
      continue;
    }
    addName(full, key, id);
    const first = nameKey(key.split(' ')[0]);
    if (firstCount.get(first) === 1) addName(afterAt, first, id);
  }
  const firsts = [...afterAt].filter(([, id]) => id !== AMBIGUOUS);
  const index = { full, afterAt, firsts, maxWords };
  nameIndexes.set(names, index);
  return index;
}

/** What may not come right before a plain name: a word character, or a `<`, `|` or `@` it would belong to. */
const NOT_BEFORE_NAME = /[\w<|@]/;

/**
 * Replaces the names in one stretch of text outside `<…>` tokens: at each word, the longest run of
 * words (up to the longest name) that the index knows. Cost grows with the text, not the directory.
 */
function resolveIn(text: string, index: NameIndex, afterToken: boolean): string {
  const words = [...text.matchAll(NAME_WORD)];
  let out = '';
  let copied = 0;
  for (let i = 0; i < words.length; i += 1) {
    const start = words[i].index;
    const at = text[start - 1] === '@';
    const from = at ? start - 1 : start;
    if (from > 0 && NOT_BEFORE_NAME.test(text[from - 1])) continue;
    // Keys of the runs of words starting here: "ana", "ana souza", "ana souza lima"…
    const keys: Array<{ key: string; end: number }> = [];
    let key = words[i][0].toLowerCase();
    for (let j = i; j < words.length && j < i + index.maxWords; j += 1) {
      if (j > i) {
        const gap = text.slice(words[j - 1].index + words[j - 1][0].length, words[j].index);
        if (gap.length > MAX_NAME_GAP && gap.trim().length > 0) break;
        key += `${gap.replace(/\s+/g, ' ')}${words[j][0].toLowerCase()}`;
      }
      keys.push({ key, end: j });
    }
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const { key: run, end } = keys[k];
      const stop = words[end].index + words[end][0].length;
      if (text[stop] === '_') continue;
      const addressed = !at && addressedByName(text, from, stop);
      // A capital names the person unless another capitalised word follows (someone else's full name,
      // "Ana Lima") or the name only echoes the mention right before it ("<@U1> Raj").
      const next = words[end + 1];
      const capitalised =
        k === 0 &&
        CAPITAL.test(words[i][0]) &&
        !(next !== undefined && CAPITAL.test(next[0]) && /^\s{1,2}$/.test(text.slice(stop, next.index))) &&
        !(afterToken && text.slice(0, from).trim().length === 0);
      const id = index.full.get(run) ?? (at || addressed || capitalised ? index.afterAt.get(run) : undefined) ?? ((addressed || capitalised) && k === 0 && (addressed || DIMINUTIVES[run] !== undefined) ? shortFormOf(run, index) : undefined);
      if (id === undefined) continue;
      // A name two people share is read as plain text: it is not anyone's in particular.
      if (id !== AMBIGUOUS) {
        out += `${text.slice(copied, from)}<@${id}>`;
        copied = stop;
      }
      i = end;
      break;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** What may open a sentence before the name it addresses: a greeting or a filler ("hey", "ok so", "thanks,"). */
/** Where a sentence starts, and the greetings and fillers that may come before a name it addresses. */
const SENTENCE_START = '(?:^|[.!?\\n]\\s*|[:;]\\s+)(?:(?:hey|hi|hello|yo|ok|okay|so|and|also|actually|thanks|thx|morning|sorry|oh|right|btw|pls|please|hallo|hola|ciao)[\\s,!]+)*';
const BEFORE_ADDRESS = new RegExp(`${SENTENCE_START}$`, 'i');
/** What follows a name someone is addressed by: a comma or dash, or the request itself ("Diego, …", "Kasia can you"). */
const AFTER_ADDRESS = /^\s*(?:(?:bhai|ji|sir|ma'?am|da|san)\s*)?(?:[,:\u2014\u2013]|-\s|\?|(?:can|could|would|will|pls|plz|please|do|did|are|mind|i need|i'?m (?:putting|going to need|assigning|giving|handing)|you|u|need|kannst|könntest|bitte|puedes|podrías|porfa|abeg|vc|você|tu|to (?:own|run|lead|handle|drive|book|send|prepare|update|chase|set up|sort|organi[sz]e|take|cover|circulate|collect|draft|write))\b)/i;

/** A word written with a capital: a name, where a common word in the middle of a sentence is not. */
const CAPITAL = /^\p{Lu}/u;
/** Words that open a message and are no one's short name ("team, …", "all, …", "ok, …"). */
const NOT_A_NAME = new Set('all team folks guys everyone hi hey hello ok okay so yes no sure thanks also and pls please quick one just fyi btw morning update status reminder note heads actually right well great cool nice good sorry bump ping gentle friendly hmm ah oh'.split(' '));

/**
 * Common diminutives that do not start the name they stand for ("Kasia" is Katarzyna, "Bob" Robert):
 * people address each other by them in any multinational team.
 */
const DIMINUTIVES: Readonly<Record<string, readonly string[]>> = {
  kasia: ['katarzyna'], gosia: ['małgorzata', 'malgorzata'], basia: ['barbara'], ola: ['aleksandra'], kuba: ['jakub'], tomek: ['tomasz'],
  bartek: ['bartłomiej', 'bartlomiej'], wojtek: ['wojciech'], sasha: ['alexander', 'aleksandr', 'alexandra', 'aleksandra'], misha: ['mikhail'],
  dima: ['dmitry', 'dmitri'], kolya: ['nikolai'], pepe: ['josé', 'jose'], paco: ['francisco'], pancho: ['francisco'], lupe: ['guadalupe'],
  bob: ['robert'], rob: ['robert'], bobby: ['robert'], bill: ['william'], will: ['william'], liz: ['elizabeth'], beth: ['elizabeth'],
  betty: ['elizabeth'], dick: ['richard'], rick: ['richard'], jim: ['james'], jimmy: ['james'], jack: ['john'], peggy: ['margaret'],
  maggie: ['margaret'], meg: ['margaret'], kate: ['katherine', 'catherine', 'kathryn'], katie: ['katherine', 'catherine', 'kathryn'],
  cathy: ['catherine'], sandy: ['alexandra', 'sandra'], chuck: ['charles'], charlie: ['charles', 'charlotte'], ted: ['edward'],
  ned: ['edward'], tony: ['anthony', 'antonio'], toni: ['antonia'], nacho: ['ignacio'], chema: ['josé maría'], bea: ['beatriz', 'beatrice'],
  manu: ['manuel', 'emmanuel'], fer: ['fernando', 'fernanda'], juanma: ['juan manuel'], hansi: ['hans'], sepp: ['josef', 'joseph'],
};

/** The one person whose first name starts with a short form used to address them ("kev" → Kevin), if exactly one. */
function shortFormOf(word: string, index: NameIndex): string | undefined {
  const formal = DIMINUTIVES[word];
  if (formal !== undefined) return uniqueFirst(index, (first) => formal.includes(first));
  if (word.length < 3 || word.includes(' ') || NOT_A_NAME.has(word)) return undefined;
  return uniqueFirst(index, (first) => first.startsWith(word));
}

/** The one person (first names held by one person only) whose first name matches, if exactly one. */
function uniqueFirst(index: NameIndex, matches: (first: string) => boolean): string | undefined {
  let found: string | undefined;
  for (const [first, id] of index.firsts) {
    if (!matches(first)) continue;
    if (found !== undefined && found !== id) return undefined;
    found = id;
  }
  return found;
}

/**
 * A first name used to address someone ("Diego, can you…", "hey Kasia — …", "Tomek can you"): it names
 * the person as surely as an @, when the directory holds one person of that first name.
 */
function addressedByName(text: string, from: number, stop: number): boolean {
  return BEFORE_ADDRESS.test(text.slice(Math.max(0, from - 40), from)) && AFTER_ADDRESS.test(text.slice(stop, stop + 12));
}

/** A full name or an "@name" typed as text ("Ana Souza", "@ana"); mention labels (`<@U1|Ana Souza>`) are Slack's. */
const FULL_OR_AT_NAME = /(?:^|[^\p{L}\p{N}|])\p{Lu}[\p{Ll}'’-]+[ \t]+\p{Lu}[\p{Ll}'’-]+|(?:^|[^\p{L}\p{N}<])@\p{L}{2}/u;
/** A capitalised word inside a sentence ("refreshed by Luiza"): the capital rule of {@link resolveNames}. */
const CAPITALISED_INSIDE = /[\p{Ll},;][ \t]+\p{Lu}\p{Ll}{2,}/u;
/** A word that addresses someone, by the same test {@link resolveNames} applies ("Diego, can you…", "Sunil bhai, …", "kev pls …"). */
const ADDRESSING_WORD = new RegExp(`${SENTENCE_START}[\\p{L}]{3,}(?=${AFTER_ADDRESS.source.slice(1)})`, 'iu');

/**
 * True when the text could name someone by plain name in any way {@link resolveNames} reads: only
 * then is the workspace directory worth reading. Text inside `<…>` tokens is not looked at.
 */
export function mayNameSomeone(rendered: string): boolean {
  if (FULL_OR_AT_NAME.test(rendered)) return true;
  const outsideTokens = rendered.replace(/<[^<>]*>/g, ' ');
  return CAPITALISED_INSIDE.test(outsideTokens) || ADDRESSING_WORD.test(outsideTokens);
}

/** A tracker's assignee field, right before a link whose label is the person ("*Assignee:* <https://…|Ana Souza>"). */
const ASSIGNEE_FIELD = /\b(?:assignees?|assigned\s+to|owners?)[*_]*\s*:[*_]*\s*$/i;
/** What may stand between two links of one assignee field ("<…|Ana Souza>, <…|Raj Patel>"). */
const ASSIGNEE_LIST_GAP = /^\s*(?:,|&amp;|and|·)?\s*$/i;

/** The person a link's label names, when the label is a whole name in the directory (`<https://…|Ana Souza>`). */
function personInLinkLabel(token: string, index: NameIndex): string | undefined {
  const bar = token.indexOf('|');
  if (bar < 0 || /^<[@!#]/.test(token)) return undefined;
  const key = nameKey(token.slice(bar + 1, -1));
  const id = index.full.get(key) ?? index.afterAt.get(key);
  return id === AMBIGUOUS ? undefined : id;
}

/**
 * Replaces people named by plain name with Slack mentions (`<@U…>`), outside `<…>` tokens. The
 * directory maps user ids to names ({"U_ANA": "Ana Souza"}). A link or mention label is never
 * rewritten, except a link that is an assignee field's value ("Assignee: <https://…|Ana Souza>"):
 * trackers link the person's profile there, and the label is then who is assigned.
 */
export function resolveNames(text: string, names: NameDirectory | undefined): string {
  if (names === undefined) return text;
  const index = indexNames(names);
  if (index.full.size === 0 && index.afterAt.size === 0) return text;
  // Split around existing `<…>` tokens: the odd parts are the tokens.
  const parts = text.split(/(<[^<>]*>)/);
  let inAssigneeField = false;
  for (let i = 0; i < parts.length; i += 1) {
    if (i % 2 === 0) {
      const before = parts[i].slice(-40);
      inAssigneeField = ASSIGNEE_FIELD.test(before) || (inAssigneeField && ASSIGNEE_LIST_GAP.test(parts[i]));
      parts[i] = resolveIn(parts[i], index, i > 0);
      continue;
    }
    // A mention in the field keeps it going ("Assignees: <@U1>, <https://…|Ana Souza>").
    if (parts[i].startsWith('<@')) continue;
    const id = inAssigneeField ? personInLinkLabel(parts[i], index) : undefined;
    if (id !== undefined) parts[i] = `<@${id}>`;
    else inAssigneeField = false;
  }
  return parts.join('');
}
