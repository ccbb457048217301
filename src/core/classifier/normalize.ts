/**
 * Turns raw Slack mrkdwn into plain, lower-case lines the rules can read.
 *
 * Mentions become placeholders (`@p0`, `@p1`… indexing {@link Normalized.mentions}), user groups become
 * `@group` and `<!here>`/`<!channel>`/`<!everyone>` become `@all`, so neither can be mistaken for a
 * person. Link targets, code, quoted lines and emoji codes are removed because their words are not
 * the author's request ("<https://x/schedule|plan>" must not fire on "schedule").
 */

import { inEnglish } from './other-languages';

export interface Line {
  /** Normalised text: lower case, single spaces, no markup. */
  text: string;
  /** The line began with a bullet (`•`, `-`, `*`, `1.`). */
  bullet: boolean;
  /** Emoji names (without colons) that opened the line, e.g. `white_check_mark`. */
  leadEmoji: string[];
  /**
   * The line's bold opening, normalised, when more text follows it: apps set a section's heading in
   * bold on the same line as its answer ("*Yesterday* Ran the triage call"), with no colon to say so.
   */
  boldLead?: string;
}

export interface Normalized {
  lines: Line[];
  /** Mentioned user ids; `@pN` in line text is `mentions[N]`. */
  mentions: string[];
  /** All non-empty line texts joined by `\n`. */
  text: string;
  /** Labels of links, normalised. Kept apart: a link's words are not the author's request. */
  linkLabels: string[];
  /** Quoted lines, normalised. Kept apart: a quoted request is not repeated by quoting it. */
  quoted: string[];
}

const MENTION = /<@([UW][A-Z0-9_]+)(?:\|[^>]*)?>/g;
const CODE_BLOCK = /```[\s\S]*?(?:```|$)/g;
const INLINE_CODE = /`[^`\n]*`/g;
const LINK_WITH_LABEL = /<(?:https?|mailto|ftp|slack):[^|>]*\|([^>]*)>/g;
const LINK = /<(?:https?|mailto|ftp|slack):[^>]*>/g;
const BARE_URL = /\bhttps?:\/\/\S+/g;
const USER_GROUP = /<!subteam\^[A-Z0-9_]+(?:\|[^>]*)?>/g;
const BROADCAST = /<!(?:here|channel|everyone)(?:\|[^>]*)?>/g;
const CHANNEL = /<#[A-Z0-9_]+(?:\|[^>]*)?>/g;
const OTHER_SPECIAL = /<![^>]*>/g;
const EMOJI_CODE = /:([a-z0-9][a-z0-9_+\-']*):(?::skin-tone-\d:)?/g;
const PICTOGRAPH = /(?:\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0F}|\u{200D})+/gu;
const LEAD_PICTOGRAPH = /^(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})+/u;
// (An unticked box opens an action item as a bullet does: "☐ @ana send the schedule".)
const LEAD_BULLET = /^(?:[•◦▪‣·●○*☐□▢⬜-]|\d{1,2}[.)])\s+/;
const FORMATTING = /[*_~]+/g;
/** "*Yesterday* ran the triage call": a short bold opening with text after it on the same line. */
const BOLD_LEAD = /^\*([^*\n]{1,40})\*[ \t]*(?=\S)/;
const SEPARATORS = /[\s\u00a0]+/g;
const HAS_FORMATTING = /[*_~]/;
const CURRENCY = /[£€¥$]/;
const CURRENCY_ALL = /[£€¥$]/g;
/**
 * The same replacement as SEPARATORS → " " (`\s` includes NBSP), but it matches only the runs that
 * change: two or more space characters, or one that is not " ". SEPARATORS matches every single
 * space between words, so each line would be rebuilt for nothing.
 */
const IRREGULAR_SPACE = /\s{2,}|[^\S ]/g;
/** Anything outside printable ASCII, tab and line ends. */
const NON_ASCII = /[^\t\n\r -~]/;

/** Unicode emoji mapped to the names Slack gives them, for the few that carry meaning in standups. */
const PICTOGRAPH_NAMES: Readonly<Record<string, string>> = {
  '✅': 'white_check_mark',
  '✔': 'heavy_check_mark',
  '☑': 'ballot_box_with_check',
  '🔜': 'soon',
  '➡': 'arrow_right',
  '🚧': 'construction',
  '🎯': 'dart',
  '📅': 'calendar',
  '🗓': 'spiral_calendar_pad',
  '📝': 'memo',
  '🔨': 'hammer',
  '🛠': 'hammer_and_wrench',
  '⛔': 'no_entry',
  '🚫': 'no_entry_sign',
  '⚠': 'warning',
  '🛑': 'octagonal_sign',
  '🚨': 'rotating_light',
  '❌': 'x',
  '🔴': 'red_circle',
  '👀': 'eyes',
  '🏗': 'building_construction',
  '⏭': 'next_track',
  '🔄': 'arrows_counterclockwise',
  '🙏': 'pray',
};

/** Slack user ids mentioned as `<@U…>` or `<@U…|name>`, de-duplicated, in order of appearance. */
export function mentionedUsers(text: string): string[] {
  if (!text.includes('<@')) return [];
  const seen = new Set<string>();
  // An exec loop rather than matchAll, which copies the regex on every call. MENTION never matches
  // the empty string, and a failed exec leaves lastIndex at 0 for the next user.
  MENTION.lastIndex = 0;
  for (let match = MENTION.exec(text); match !== null; match = MENTION.exec(text)) seen.add(match[1]);
  return [...seen];
}

/** `text.replace(MENTION, (_m, id) => \` @p${index.get(id)} \`)`, as an exec loop (no callback per mention). */
function replaceMentions(text: string, index: ReadonlyMap<string, number>): string {
  let out = '';
  let copied = 0;
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m !== null; m = MENTION.exec(text)) {
    out += `${text.slice(copied, m.index)} @p${index.get(m[1])} `;
    copied = m.index + m[0].length;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function unescape(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&nbsp;/g, ' ');
}

function dropBareUrls(text: string): string {
  return text.includes('http') ? text.replace(BARE_URL, ' ') : text;
}

function pictographName(symbol: string): string {
  const base = symbol.replace(/\u{FE0F}|\u{200D}/gu, '');
  return PICTOGRAPH_NAMES[base] ?? 'emoji';
}

/**
 * False when none of the peeling steps in {@link normalize} can apply to the line's start: it is
 * empty, or opens with an ASCII character that is not whitespace, `*`, `_`, `~`, `-`, a digit or `:`.
 * Any other character (including every non-ASCII one) lets the peeling run as before.
 */
function mayOpenWithMarkup(line: string): boolean {
  if (line.length === 0) return false;
  const c = line.charCodeAt(0);
  if (c >= 128) return true;
  return c === 32 || (c >= 9 && c <= 13) || c === 42 /* * */ || c === 95 /* _ */ || c === 126 /* ~ */ || c === 45 /* - */ || c === 58 /* : */ || (c >= 48 && c <= 57);
}

/** Tracker ticket keys ("PROD-341", "OPS-90"); a change request's key ("CR-0147") keeps saying what it is. */
const TICKET_KEY = /\b(?!CR-)[A-Z][A-Z0-9]{1,9}-\d+\b/;
const TICKET_KEY_ALL = new RegExp(TICKET_KEY.source, 'g');

/** Emoji, typography and formatting out; lower case; single spaces. */
/** Ticks and arrows inside a line separate the items of a list ("✅ sent the invites ✅ booked the room"). */
const LIST_MARK_CODE = /:(?:white_check_mark|heavy_check_mark|ballot_box_with_check|arrow_right|soon|small_blue_diamond|small_orange_diamond|black_small_square|point_right):/g;
const LIST_MARK = /[✅✔☑➡🔜🔹🔸▪]\u{FE0F}?/gu;

function plain(line: string, spelling?: Spelling): string {
  let text = line;
  // Most lines are plain ASCII without emoji codes: skip the replacements that cannot apply.
  if (text.includes(':')) text = text.replace(LIST_MARK_CODE, ' • ').replace(EMOJI_CODE, ' ');
  if (NON_ASCII.test(text)) {
    text = text
      .replace(LIST_MARK, ' • ')
      .replace(PICTOGRAPH, ' ')
      .replace(/[’‘`´]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/[–—]/g, ' - ')
      // Spanish opens questions and exclamations upside down: "¿lo coordinas?" reads as "lo coordinas?".
      .replace(/[¿¡]/g, ' ');
  }
  if (HAS_FORMATTING.test(text)) text = text.replace(FORMATTING, ' ');
  // Currency signs go: "how much of the £40k we've spent" reads as words the phrase rules can step over.
  if (CURRENCY.test(text)) text = text.replace(CURRENCY_ALL, ' ');
  // A ticket key is a name, not words: "PROD-341" is no prod, "BOOK-2320" books nothing.
  if (TICKET_KEY.test(text)) text = text.replace(TICKET_KEY_ALL, ' ');
  text = text.toLowerCase().replace(IRREGULAR_SPACE, ' ').trim();
  text = inEnglish(text);
  return spelling ? spelling.correct(text) : text;
}

/** Something that repairs misspellings in normalised text (see typos.ts). */
export interface Spelling {
  correct(text: string): string;
}

export function normalize(raw: string, spelling?: Spelling): Normalized {
  const mentions = mentionedUsers(raw);
  const index = new Map<string, number>();
  mentions.forEach((id, i) => index.set(id, i));

  const linkLabels: string[] = [];
  let text = raw;
  if (text.indexOf('`') >= 0) text = text.replace(CODE_BLOCK, ' ').replace(INLINE_CODE, ' ');
  if (text.indexOf('<') >= 0) {
    // Each pattern needs its opening ("<@", "<!", "<#", "<" + a scheme). The replacements are padded
    // with spaces and contain no "<", so they never create an opening: checking once up front is enough.
    const special = text.includes('<!');
    if (mentions.length > 0) text = replaceMentions(text, index);
    if (special) text = text.replace(USER_GROUP, ' @group ').replace(BROADCAST, ' @all ');
    if (text.includes('<#')) text = text.replace(CHANNEL, ' #channel ');
    if (text.includes(':')) {
      text = text
        .replace(LINK_WITH_LABEL, (_m, label: string) => {
          linkLabels.push(unescape(label).toLowerCase().replace(SEPARATORS, ' ').trim());
          return ' link ';
        })
        .replace(LINK, ' ');
    }
    if (special) text = text.replace(OTHER_SPECIAL, ' ');
  }

  const lines: Line[] = [];
  const quoted: string[] = [];
  let inBlockQuote = false;
  for (const rawLine of text.split('\n')) {
    let line = rawLine.trimStart();
    // A `>>>` quote runs to the end of the message.
    if (line.startsWith('&gt;&gt;&gt;') || line.startsWith('>>>')) inBlockQuote = true;
    if (inBlockQuote || line.startsWith('&gt;') || line.startsWith('>')) {
      quoted.push(plain(dropBareUrls(unescape(line).replace(/^[>\s]+/, '')), spelling));
      continue;
    }
    line = dropBareUrls(unescape(line));

    const bold = line.startsWith('*') ? BOLD_LEAD.exec(line) : null;
    const leadEmoji: string[] = [];
    let bullet = false;
    // Peel bullets, formatting and emoji off the start of the line, remembering the emoji.
    for (;;) {
      if (!mayOpenWithMarkup(line)) break;
      const before = line;
      line = line.replace(/^[\s*_~]+/, '');
      const bulletMatch = LEAD_BULLET.exec(line);
      if (bulletMatch) {
        bullet = true;
        line = line.slice(bulletMatch[0].length);
      }
      const code = /^:([a-z0-9][a-z0-9_+\-']*):(?::skin-tone-\d:)?/.exec(line);
      if (code) {
        leadEmoji.push(code[1]);
        line = line.slice(code[0].length);
      }
      const picto = LEAD_PICTOGRAPH.exec(line);
      if (picto) {
        leadEmoji.push(pictographName(picto[0]));
        line = line.slice(picto[0].length);
      }
      if (line === before) break;
    }

    line = plain(line, spelling);
    if (line.length === 0 && leadEmoji.length === 0) continue;
    const boldLead = bold ? plain(bold[1], spelling) : '';
    lines.push(boldLead.length > 0 && boldLead.length < line.length ? { text: line, bullet, leadEmoji, boldLead } : { text: line, bullet, leadEmoji });
  }
  let joined = '';
  for (const l of lines) if (l.text.length > 0) joined = joined.length === 0 ? l.text : `${joined}\n${l.text}`;
  return { lines, mentions, text: joined, linkLabels, quoted };
}
