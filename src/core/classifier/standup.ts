import type { Line } from './normalize';

/**
 * Recognises status updates and cuts them into work items.
 *
 * Formats: "Yesterday / Today / Blockers", "Done / Doing / Blocked", "Y: / T: / B:" (on lines or
 * inline), emoji-led sections (✅ / 🚧 / ⛔), standup-app question headers ("*What did you do
 * yesterday?*"), plain bullet lists of one's own work, and prose ("yesterday I …, today I …").
 * Blocker sections, "none", "OOO" and the app's own lines are not items.
 */

type Section = 'done' | 'plan' | 'blocker';

const HEADER =
  /^(?:\d+[.)]\s*)?(?:(what did you (?:do|work on|accomplish|get done|complete|achieve|ship)(?: yesterday| since yesterday| since (?:the |your |we )?last (?:update|standup|check-?in|time|spoke|met)| (?:this|last) week| today| so far)?|what have you (?:done|accomplished|worked on)(?: since [a-z ]+)?|what i (?:did|got done|worked on|completed)(?: yesterday)?|what happened|what got done|previous goals|yesterday'?s goals|yesterday'?s (?:accomplishments|achievements|progress|wins|work|tasks|update|highlights)|(?:last|this) week'?s (?:accomplishments|achievements|progress|wins|highlights)|last goals|accomplished yesterday|what i'?ve (?:done|been doing|worked on)|(?:done|did|finished|completed) (?:today|yesterday|so far)|yesterday|yesterday'?s|y'?day|yday|ystrdy|ystd|yest|ytd|done|did|completed|accomplished|accomplishments|finished|progress|wins|shipped|last (?:24h|24 hours|week|sprint)|previously|past|y)|(what (?:will|are) you (?:do|doing|working on|work on|going to do|going to work on|planning to do|focus(?:ing)? on)(?: today)?|what'?s (?:next|on (?:the|your) plate)(?: today| for today)?|what are your plans(?: for today)?|what are your (?:priorities|goals|plans)(?: for)?(?: today| tomorrow| (?:this|next) week)?|what i'?m (?:planning|doing|working on|focusing on)(?: today| next)?|what'?s next|what'?s coming up|next steps|goals for today|today'?s goals|today'?s (?:plan|priorities|focus|tasks|work|agenda)|(?:plans?|priorities|focus) for (?:today|tomorrow|the day|next week|this week)|goals|what i (?:plan|will do|'ll do)(?: today)?|this morning|this afternoon|arvo|today|tdy|tday|2day|tomorrow|tmrw|doing|todo|to do|to-do|next|up next|next up|next 24h|wip|in progress|working on|plan|plans|planned|plans for today|priorities|focus|this week|coming up|t)|(any blockers\?*|anything you need help with|(?:do you )?need (?:any )?help(?: with anything)?|anything blocking(?: you| your progress)?|(?:any|anything|what'?s) (?:in your way|impediments|blocking you|stopping you)|do you have any blockers|blockers?|blkrs?|blockrs?|roadblocks?|blocked|blocking|blocked on|impediments?|risks|problems|issues|concerns|help needed|needs|asks|b))\s*(?:[:?]|-\s|[–—]\s|→|->|=>|•|$)\s*/;

const TITLE_LINE =
  /^(?:@p\d+ (?:checked in|checked-in)\b|.*\b(?:submitted|posted) by @p\d+$|.{0,30}'s check-?in$|@p\d+ (?:posted|submitted|shared) (?:an? )?(?:update|standup|status)|@p\d+ ?'s (?:daily )?(?:stand-?up|update|status|check-?in)|(?:daily )?(?:update|status|check-?in|report) (?:from|for|by) @p\d+|(?:daily )?stand-?up(?: report| update)?(?: from @p\d+| for @p\d+)?|daily (?:update|status|check-?in)|async (?:standup|update)|done\s*\/\s*doing\s*\/\s*block\w*|yesterday\s*\/\s*today\s*\/\s*block\w*|my (?:standup|update|status)|standup time|status update)\b/;

const EMOJI_SECTIONS: Readonly<Record<string, Section>> = {
  white_check_mark: 'done',
  heavy_check_mark: 'done',
  ballot_box_with_check: 'done',
  check: 'done',
  done: 'done',
  construction: 'plan',
  black_square_button: 'plan',
  white_square_button: 'plan',
  ballot_box: 'plan',
  black_large_square: 'plan',
  white_large_square: 'plan',
  building_construction: 'plan',
  arrow_right: 'plan',
  arrow_forward: 'plan',
  soon: 'plan',
  hammer: 'plan',
  hammer_and_wrench: 'plan',
  dart: 'plan',
  memo: 'plan',
  spiral_note_pad: 'plan',
  next_track: 'plan',
  arrows_counterclockwise: 'plan',
  runner: 'plan',
  running: 'plan',
  eyes: 'plan',
  no_entry: 'blocker',
  no_entry_sign: 'blocker',
  warning: 'blocker',
  octagonal_sign: 'blocker',
  stop_sign: 'blocker',
  rotating_light: 'blocker',
  x: 'blocker',
  red_circle: 'blocker',
  sos: 'blocker',
};

const NOT_ITEM =
  /^(?:none|nothing|nope|no|n\/?a|nil|-|—|none so far|no blockers?|nothing blocking(?: me)?|not blocked|all good|ooo\b.*|out of office\b.*|out sick\b.*|off sick\b.*|on (?:pto|leave|holiday|vacation)\b.*|pto\b.*|sick\b.*|more of the same|same as yesterday|blockers?:? none|waiting on\b.*|waiting for\b.*|blocked on\b.*|blocked by\b.*|mood\b.*|(?:sent |posted )?(?:via |with )?(?:daily ?bot|geekbot|standuply|status ?hero|range|polly|standup ?bot|stand-up bot)|link|view|view in\b.*|open in\b.*|see more|edit|reply|(?:submitted|posted|sent|shared) (?:via|with|from|through)\b.*)$/;

const INLINE_HEADER = /(?:^|[;|]\s*|[.!]+\s+|\s{2,}|,\s+|:\s+|\s-\s+)(?=(?:y|t|b|yesterday|y'?day|yday|ystrdy|today|tdy|tday|tomorrow|tmrw|tmr|blockers?|blkrs?|roadblocks?|blocked|done today|done|doing|next)\s*(?::|→|->))/g;
/** Inline sections separated by dashes ("Y - wrote PRD, T - interviews, B - none"); needs two of them. */
const INLINE_DASH_HEADER = /(?:^|[;|,]\s*|\.\s+)(?=(?:y|t|b|yday|tdy|yesterday|today|tomorrow|blockers?)\s+-\s)/g;

/**
 * Whose update an app's post is: "@ana posted an update", "@ana's standup", "standup from @ana",
 * "update for @ana", or a first line that is only a mention.
 */
const SUBJECT: ReadonlyArray<RegExp> = [
  /(?:^|:\s*)@p(\d+) (?:posted|submitted|shared|completed|answered|checked in|checked-in|replied)\b/,
  /\b(?:stand-?up|update|status|check-?in|report)\b[^@\n]{0,20}[-–—:]\s*@p(\d+)\s*$/,
  /\b(?:submitted|posted|shared|sent) by @p(\d+)\b/,
  /^@p(\d+) ?'s (?:daily |weekly |async )?(?:stand-?up|update|status|check-?in|report)\b/,
  /\b(?:stand-?up|update|status|check-?in|report|answers|responses)(?: report| update)? (?:from|for|by|of) @p(\d+)\b/,
  /^@p(\d+)\s*[:-]?$/,
];

export interface StandupParse {
  items: string[];
  /** The format that was recognised, for reasons. */
  format: 'sections' | 'questions' | 'emoji' | 'bullets' | 'prose';
  /** The mention (index) a standup app names as the update's author, if any (see {@link standupSubject}). */
  subject?: number;
}

/** The person an app's standup post is about, from its first two lines, or undefined. */
export function standupSubject(lines: readonly Line[]): number | undefined {
  // (Three lines: some apps put a header line above the person's name.)
  const header = lines.slice(0, 3);
  for (const line of header) {
    for (const re of SUBJECT) {
      const m = re.exec(line.text);
      if (m) return Number(m[1]);
    }
  }
  return headerPerson(header);
}

/** A header line names the person with the app's own words around it ("*Daily Standup* · @ana", "@ana — Payments daily 💳"). */
const MAX_HEADER_WORDS = 10;

/**
 * Apps lay out whose update it is in more ways than {@link SUBJECT} lists; what they share is a short
 * title line, above the first section, naming one person and asking nothing. An item line ("chased
 * @ben for estimates") is below a section heading or a bullet, so it is never read as the title.
 */
function headerPerson(header: readonly Line[]): number | undefined {
  for (const line of header) {
    if (HEADER.test(line.text) || line.bullet || line.leadEmoji.length > 0) return undefined;
    const people = new Set([...line.text.matchAll(/@p(\d+)/g)].map((m) => m[1]));
    if (people.size === 0) continue;
    if (people.size > 1 || line.text.split(' ').length > MAX_HEADER_WORDS) return undefined;
    return Number([...people][0]);
  }
  return undefined;
}

/**
 * "*Yesterday* ran the triage call", "*Previous goals* ✅ fixed the crash": a bold opening that is a
 * section heading on its own is read as that heading with its colon ("yesterday: ran the triage call").
 */
function withBoldHeading(line: Line): string | undefined {
  const lead = line.boldLead;
  if (lead === undefined || !line.text.startsWith(lead)) return undefined;
  const alone = HEADER.exec(lead);
  if (alone === null || alone[0].length < lead.length) return undefined;
  return `${lead}${/[:?]$/.test(lead) ? '' : ':'} ${line.text.slice(lead.length).trim()}`;
}

function sectionOf(match: RegExpExecArray): Section {
  if (match[1] !== undefined) return 'done';
  if (match[2] !== undefined) return 'plan';
  return 'blocker';
}

/** Adds one item of {@link splitItems}, without its leading "and / then" and trailing punctuation. */
function pushItem(parts: string[], raw: string): void {
  const item = raw
    .trim()
    .replace(/^(?:and|then|also|plus|&)\s+/, '')
    .replace(/^(?:and then|then)\s+/, '')
    .replace(/[.,;:\s-]+$/, '')
    .trim();
  if (item.length > 0) parts.push(item);
}

/** "+ updating the risk sheet", "+ sent the invites": a new task, not "room + lunch". */
function startsWithVerb(rest: string): boolean {
  const word = /^\s*([a-z'-]+)/.exec(rest)?.[1] ?? '';
  return /(?:ed|ing)$/.test(word) || /^(?:sent|wrote|did|made|took|ran|met|built|set|send|write|update|book|chase|draft|run|review|prep|fix|do|start|finish|plan|sync|call|email|ping)$/.test(word);
}

/** Splits "a, b; c and then d" into items, keeping parenthesised asides in their item. */
export function splitItems(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  // The current item is text.slice(from, i): sliced once when it ends, not built a character at a time.
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';' || ch === '•' || ch === '·' || (ch === '+' && startsWithVerb(text.slice(i + 1))) || (ch === '.' && (text[i + 1] === ' ' || i === text.length - 1)))) {
      pushItem(parts, text.slice(from, i));
      from = i + 1;
      continue;
    }
    if (depth === 0 && text.startsWith(' plus ', i)) {
      pushItem(parts, text.slice(from, i));
      i += 5;
      from = i + 1;
      continue;
    }
    if (depth === 0 && text.startsWith(' and ', i)) {
      // Split "wrote X and sent Y" (a new verb follows), not "interviews with A and B".
      const next = /^ and (?:then |also )?([a-z'-]+)/.exec(text.slice(i))?.[1] ?? '';
      if (/(?:ed|ing)$/.test(next) || /^(?:sent|wrote|did|made|took|ran|met|built|set|send|write|update|book|chase|draft|run|review|prep|fix|do|start|finish|plan|sync)$/.test(next)) {
        pushItem(parts, text.slice(from, i));
        i += 4;
        from = i + 1;
        continue;
      }
    }
  }
  pushItem(parts, text.slice(from));
  return parts.filter((p) => !NOT_ITEM.test(p));
}

function stripProse(item: string): string {
  return item
    .replace(/^(?:mostly |also |then |and )*/, '')
    .replace(/^(?:yesterday|today|tomorrow|this morning|this afternoon|later|next)\b[:,]?\s*/, '')
    .replace(/^(?:i |we )?(?:spent (?:most of )?(?:the|my) (?:day|morning|afternoon) |will be |'m |am )/, '')
    .replace(/^(?:i'?m|i am|i'?ll|i will|i|we|we'?re|gonna|going to|planning to|plan to|need to|want to|on|working on|was|am)\s+/g, '')
    .replace(/^(?:also |still |going to |need to |on |working on )+/, '')
    .trim();
}

/** Returns the standup's items, or undefined when the lines are not a status update. */
export function parseStandup(lines: readonly Line[], fromBot: boolean): StandupParse | undefined {
  // Inline "Y: a; T: b; B: none" becomes one section per line.
  const segments: Line[] = [];
  for (const line of lines) {
    const dashed = line.text.includes(' - ') && (line.text.match(INLINE_DASH_HEADER) ?? []).length >= 2;
    // (Inline "Y:" headers need a colon: most lines have none and skip the regex.)
    if (dashed || ((line.text.includes(':') || line.text.includes('→') || line.text.includes('->')) && /(?:^|\s|;)(?:y|t|b|yesterday|y'?day|yday|ystrdy|today|tdy|tday|tmrw|blockers?|blkrs?|roadblocks?|done|doing|blocked)\s*(?::|→|->)/.test(line.text))) {
      const pieces = line.text.split(dashed ? INLINE_DASH_HEADER : INLINE_HEADER).filter((p) => p.trim().length > 0);
      pieces.forEach((text, i) => segments.push({ text: text.trim(), bullet: i === 0 ? line.bullet : false, leadEmoji: i === 0 ? line.leadEmoji : [] }));
    } else {
      segments.push(line);
    }
  }

  // 1. Headed sections (words or app questions).
  const seen = new Set<Section>();
  let questions = 0;
  let current: Section | undefined;
  const sectionItems: string[] = [];
  const preamble: Line[] = [];
  for (const seg of segments) {
    let headed = seg.text;
    let header = HEADER.exec(headed);
    const bold = header === null ? withBoldHeading(seg) : undefined;
    if (bold !== undefined) {
      headed = bold;
      header = HEADER.exec(headed);
    }
    if (header) {
      const section = sectionOf(header);
      seen.add(section);
      if (/\?/.test(header[0]) || /^what|^any/.test(header[0])) questions++;
      current = section;
      const restText = headed.slice(header[0].length).trim();
      if (restText.length > 0 && section !== 'blocker') sectionItems.push(...splitItems(stripProse(restText)));
      continue;
    }
    if (TITLE_LINE.test(seg.text)) continue;
    if (current === undefined) {
      preamble.push(seg);
      continue;
    }
    if (current !== 'blocker') sectionItems.push(...splitItems(seg.text));
  }
  if (seen.size >= 2 || (questions >= 1 && fromBot) || (seen.size === 1 && questions >= 2)) {
    return { items: sectionItems, format: questions > 0 ? 'questions' : 'sections' };
  }
  // "today: facilitating sprint planning, the booth contract, the report template": one section of
  // one's own work, three items or more, nobody named or asked, at most a greeting above it.
  if (seen.size === 1 && !seen.has('blocker') && sectionItems.length >= MIN_SINGLE_SECTION_ITEMS && preamble.length <= 1 && !lines.some((l) => /@p\d+|@group|@all/.test(l.text))) {
    return { items: sectionItems, format: 'sections' };
  }

  // 2. Emoji-led sections.
  const emojiLines = lines.filter((l) => l.leadEmoji.some((e) => EMOJI_SECTIONS[e] !== undefined));
  const emojiKinds = new Set(emojiLines.map((l) => EMOJI_SECTIONS[l.leadEmoji.find((e) => EMOJI_SECTIONS[e] !== undefined) ?? '']));
  if (emojiLines.length >= 2 && emojiKinds.size >= 2 && emojiLines.length >= lines.length - 1) {
    const items: string[] = [];
    for (const l of emojiLines) {
      const kind = EMOJI_SECTIONS[l.leadEmoji.find((e) => EMOJI_SECTIONS[e] !== undefined) ?? ''];
      if (kind !== 'blocker') items.push(...splitItems(l.text));
    }
    return { items, format: 'emoji' };
  }

  // 3a. A list on one line: "Gwen, Weds - chaired the board - chased finance - sent the status".
  const inline = inlineList(lines);
  if (inline) return { items: inline, format: 'bullets' };

  // 3. A plain bullet list of one's own work (no one is named in it).
  const bullets = lines.filter((l) => l.bullet);
  // (The other lines are only looked at when there are enough bullets.)
  // ("quick one from me:" above the list introduces it.)
  const others = bullets.length >= 3 ? lines.filter((l, i) => !l.bullet && !HEADER.test(l.text) && !TITLE_LINE.test(l.text) && !DAY_HEADER.test(l.text) && !(i === 0 && INTRO.test(l.text))) : [];
  // "Gwen, Weds" above the list and "all good" or "no blockers, just meetings" below it: a title and a
  // sign-off, when the list reports the author's own work done.
  const titled = others.length > 0 && others.every((l) => isListTitle(l, lines) || isSignOff(l, lines)) && bullets.filter((b) => DONE_ITEM.test(b.text)).length >= 2;
  if (bullets.length >= 3 && (others.length === 0 || titled) && !lines.some((l) => /@p\d+|@group|@all/.test(l.text))) {
    const items: string[] = [];
    for (const b of bullets) {
      const header = HEADER.exec(b.text);
      if (header && sectionOf(header) === 'blocker') continue;
      items.push(...splitItems(header ? b.text.slice(header[0].length) : b.text));
    }
    return { items, format: 'bullets' };
  }

  // 4. Prose: "yesterday I …, today I …". The word "yesterday" cannot span two lines, so a message
  // without it on any line is no prose standup (and is not joined up to find that out).
  if (!lines.some((l) => /\b(?:yesterday|yday|ystrdy|yest)\b/.test(l.text))) return declaredStandup(lines);
  const text = lines
    .map((l) => l.text)
    .join(' ')
    .replace(/\b(?:yday|ystrdy|yest)\b/g, 'yesterday')
    .replace(/\b(?:tdy|tday|2day)\b/g, 'today');
  // Needs the author ("I", "we") or a blockers line: "yesterday was a blur, today is a new day" is no report.
  if (/\byesterday\b/.test(text) && /\b(?:today|this morning|this afternoon)\b/.test(text) && /\b(?:i|i'm|im|i've|i'll|i am|we|we're|we've|me|my|blockers?|blocked|blocking)\b|\btoday\s*:/.test(text) && !/\?\s*$/.test(text) && !/@p\d+/.test(text)) {
    return { items: proseItems(text), format: 'prose' };
  }
  return declaredStandup(lines);
}

/** A short line heading a list of one's own work: a day, or "update", "status", "wrap" ("Mon:", "Friday wrap:", "Status Tues"). */
/** Items a lone "today:" section needs before it reads as a standup rather than a remark. */
const MIN_SINGLE_SECTION_ITEMS = 3;

/** Where a one-line list breaks: " • ", " - " (a ticked item's tick becomes " • " in normalize.ts). */
const INLINE_ITEM = /\s+(?:•|-)\s+/;
/** Work reported done: an item that starts with a verb in the past ("chased finance", "sent the deck"). */
const DONE_ITEM = /^(?:[a-z]+ed|sent|ran|wrote|did|made|took|built|set up|got|put|met|led|kept|found|paid|sorted|signed|booked|shared|submitted)\b/;
const MIN_INLINE_ITEMS = 3;
const MAX_INLINE_TITLE_WORDS = 8;

/**
 * A standup written as one line of items: a short title (who, when: "Claire - Lyon week", "S44 scrum
 * master week") and at least three items, two or more of them work reported done, nobody named or asked.
 * A schedule or an announcement lists things too, but not things the author did.
 */
function inlineList(lines: readonly Line[]): string[] | undefined {
  const text = lines.map((l) => l.text).join(' ');
  if (lines.length > 3 || text.includes('?') || /@p\d+|@group|@all/.test(text)) return undefined;
  const [title, ...rest] = text.split(INLINE_ITEM).map((part) => part.trim());
  if (title === undefined || rest.length < MIN_INLINE_ITEMS || title.split(' ').length > MAX_INLINE_TITLE_WORDS) return undefined;
  const items: string[] = [];
  for (const part of rest) {
    // "… no blockers, just tired", "blockers: my feet": the blocker part ends the list.
    const cut = part.split(/\b(?:no blockers?|blockers?\s*:|blocked on\s*:)/)[0].trim();
    const header = HEADER.exec(cut);
    const body = header && sectionOf(header) !== 'blocker' ? cut.slice(header[0].length) : cut;
    if (body.length > 0 && !NOT_ITEM.test(body)) items.push(body);
  }
  return items.length >= MIN_INLINE_ITEMS && items.filter((item) => DONE_ITEM.test(item)).length >= 2 ? items : undefined;
}

/** The first line, short and asking nothing: "Gwen, Weds", "Niamh @ LBF". */
function isListTitle(line: Line, lines: readonly Line[]): boolean {
  return line === lines[0] && !line.text.includes('?') && line.text.split(' ').length <= MAX_INLINE_TITLE_WORDS;
}

/** The last line closing a list: "all good", "no blockers, just meetings", "blockers: my feet". */
function isSignOff(line: Line, lines: readonly Line[]): boolean {
  return line === lines[lines.length - 1] && (NOT_ITEM.test(line.text) || /^no blockers?\b|^blockers?\s*:/.test(line.text));
}

/** A short first line that introduces what follows: "quick one from me:", "update:". */
const INTRO = /^(?:[a-z'@0-9-]+\s+){0,5}[a-z'@0-9-]+\s*:$/;

const DAY_HEADER =
  /^(?:(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?|weekly|daily|eod|eow|end of (?:day|week))?\s*(?:update|status|wrap|wrap-?up|recap|summary|standup|stand-up|focus|plan)?\s*(?:(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri)[a-z]*)?\s*:?$/;

/**
 * 5. A post that calls itself a standup ("Tues standup: (1) …", "Standup (Thu): wrapped …, today …",
 * "update: … Today catching up on …"), in prose: its sentences are the items.
 */
function declaredStandup(lines: readonly Line[]): StandupParse | undefined {
  const declared = DECLARED_STANDUP.exec(text0(lines));
  if (declared && (/^(?:\S+\s+)?stand-?up|^status|^(?:mon|tue|wed|thu|fri)[a-z]* update|update from (?:me|my side|my end)|plan\b|focus|wrap/.test(declared[1].trim()) || /(?:^|[.;,]\s+)today\b/.test(declared[2]) || proseItems(declared[2].replace(/(?:^|\s)\d+\)\s*/g, ', ')).length >= 3) && !/@p\d+|@group|@all/.test(declared[2]) && !/\?\s*$/.test(declared[2])) {
    return { items: proseItems(declared[2].replace(/\(\d+\)\s*|(?:^|\s)\d+\)\s*/g, ', ')), format: 'prose' };
  }
  // "today I'm only doing launch logistics: war room seating, zoom bridges, food order": the day's own work.
  const today = TODAY_I_AM.exec(text0(lines));
  if (today && !/@p\d+|@group|@all/.test(today[1]) && !/\?\s*$/.test(today[1])) return { items: proseItems(today[1]), format: 'prose' };
  return undefined;
}

/** A post that opens by saying what the author is doing today (group 1: the rest). */
const TODAY_I_AM = /^(?:(?:morning|gm|hi all|hey all|quick one)[!,. ]+)?(?:today|this morning|this afternoon)[, ]+(?:i'?m|i am|i'll be|i will be)\s+(?:only\s+|mostly\s+|just\s+|all day\s+)?(?:doing|working on|on|focusing on|focused on|stuck in|buried in|heads-down on)\s+(.+)$/s;

/**
 * A first line that calls the post a standup or an update (group 1), then the report (group 2). An
 * "update:" is a standup only when a sentence of it starts with "today" ("update: back from the
 * offsite. Today …"), not "update: the venue is booked for today".
 */
const DECLARED_STANDUP =
  /^(?:[a-z!,. ]{0,20}?[,.!]\s*)?((?:(?:quick|daily|my|async|short|brief|mon|tue|tues|wed|weds|thu|thur|thurs|fri|monday|tuesday|wednesday|thursday|friday)\s+)?(?:(?:[a-z]+\s+)?stand-?up|(?:[a-z-]+\s+)?update|status|status update|tomorrow'?s plan|today'?s plan|plan for today|today'?s focus|focus (?:for )?today|(?:mon|tue|tues|wed|thu|thurs|fri)[a-z]* wrap|friday wrap|wrap-?up)(?:\s+(?:for\s+)?\(?(?:mon|tue|wed|thu|fri)[a-z]*\)?)?(?:\s+for today)?(?:\s+from (?:me|my side|my end|the [a-z]+))?(?:\s+as\s+[^:]{1,40})?)\s*(?::|\s-)\s*(.+)$/s;

function text0(lines: readonly Line[]): string {
  return lines.map((l) => l.text).join(' ');
}

/** Items of a standup in prose: its sentences, cut at commas and new verbs; blocker sentences left out. */
function proseItems(text: string): string[] {
  const items: string[] = [];
  for (const sentence of text.split(/(?<=[.!;])\s+/)) {
    if (/^(?:no blockers?|nothing blocking|blockers?\b|not blocked)/.test(sentence)) continue;
    // "yesterday was all discovery: four customer calls" – the part before the colon is a heading.
    const body = sentence.includes(': ') ? sentence.slice(sentence.indexOf(': ') + 2) : sentence;
    for (const piece of body.split(/,\s+(?=(?:today|tomorrow|then|and|also)\b)|,\s+/)) {
      if (/^(?:no blockers?|nothing blocking|blockers?\b|not blocked)/.test(piece.trim())) continue;
      items.push(...splitItems(stripProse(piece)));
    }
  }
  return items.filter((i) => i.length > 0);
}
