/**
 * The weekly digest as a Slack message: what project work reached a product manager in one week,
 * where it came from, who handed it over, and one or two tips for the next week. Also the team
 * view for whoever leads the product managers, which never names an individual.
 * Pure: the caller loads the records, settings and permalinks and sends the result.
 */
import type { KnownBlock } from '@slack/web-api';
import { categoryLabel } from '../categories';
import { sumWeeks, type FlaggedMessageRef, type PersonSettings, type WeeklyRecord, type WorkSource } from '../records';
import { pickTip } from '../tips';
import { pieces } from '../wording';
import { isIsoWeek, isoWeekMonday } from './calendar';

/** Slack's Block Kit limits (docs.slack.dev): what every composed message stays within. */
export const BLOCK_KIT_LIMITS = { blocks: 50, sectionText: 3000, headerText: 150, contextText: 2000 } as const;

/**
 * Which week a digest talks about, as seen by its reader: the week in progress (`/lane digest`,
 * "this week so far"), the week that just ended (the Monday-morning digest, "last week"), or an
 * older week (an operator's `digest preview --week`, "that week"). The comparison is always with
 * the week before the reported one, worded to match ("last week" or "the week before").
 */
export type DigestPeriod = 'so-far' | 'last-week' | 'past-week';

interface PeriodWords {
  /** "reached you …" */
  when: string;
  /** "(3 …)": the week before the reported one. */
  before: string;
  changesTitle: string;
  tipsTitle: string;
}

const PERIOD_WORDS: Record<DigestPeriod, PeriodWords> = {
  'so-far': { when: 'this week so far', before: 'last week', changesTitle: 'Since last week', tipsTitle: 'To try next week' },
  'last-week': { when: 'last week', before: 'the week before', changesTitle: 'Compared with the week before', tipsTitle: 'To try this week' },
  'past-week': { when: 'that week', before: 'the week before', changesTitle: 'Compared with the week before', tipsTitle: 'To try' },
};

/** A message ready for `chat.postMessage` (or an ephemeral reply). */
export interface DigestMessage {
  /** Plain-text fallback: notifications, screen readers, clients without Block Kit. */
  text: string;
  blocks: KnownBlock[];
  /** Tips shown, in order; remember the last one as the person's `previousTipId`. */
  tipIds: string[];
}

export interface ComposeDigestInput {
  personId: string;
  /** The week the digest reports on. */
  thisWeek: WeeklyRecord;
  /** The week before it; missing means nothing was recorded (counts as zero). */
  lastWeek?: WeeklyRecord;
  settings: PersonSettings;
  /** The person's delegate for project work; defaults to `settings.delegateId`. Never the person themselves. */
  delegateId?: string;
  /** Permalinks of flagged messages by `${channelId}/${ts}`; messages without one get no link. */
  permalinks: Record<string, string>;
  /** The last tip the person saw, so the digest does not repeat it. */
  previousTipId?: string;
  /** Compose even when no project work reached the person (`/lane digest`, an operator's preview). Default false. */
  force?: boolean;
  /**
   * How the reported week is spoken of. Default `'last-week'`: the scheduled digest, sent in the
   * slot's week, reports the week before it. `/lane digest` shows the week in progress: `'so-far'`.
   */
  period?: DigestPeriod;
  /**
   * Earlier weeks reported together with `thisWeek`, oldest first: their digest was carried past
   * an absence (see `decideDigestTiming`). The digest then speaks of the weeks together, and
   * `lastWeek` is the week before the first of them.
   */
  carriedWeeks?: WeeklyRecord[];
  /** The project-work share trend (`renderShareTrend`), shown under its own title. */
  trend?: string;
}

/** How many categories the digest lists before summing up the rest. */
const MAX_CATEGORIES = 8;
const MAX_ASSIGNERS = 3;
const MAX_LINKS = 5;
const MAX_TIPS = 2;
const MAX_CHANNELS = 5;
const MAX_PHRASE_CHARS = 80;

const SOURCE_LABELS: Record<WorkSource, string> = {
  assignment: 'assigned by others',
  self_assigned: 'volunteered',
  standup: 'in your standups',
};
const TEAM_SOURCE_LABELS: Record<WorkSource, string> = { ...SOURCE_LABELS, standup: 'in standups' };
const SOURCE_ORDER: WorkSource[] = ['assignment', 'self_assigned', 'standup'];

/**
 * One person's weekly digest, or `undefined` when no project work reached them that week and they
 * did not ask for a digest anyway (`force`, or `settings.digest.alwaysSend`). Whether the digest is
 * switched off (`settings.digest.enabled`) is the scheduler's concern: `/lane digest` shows it regardless.
 */
export function composeDigest(input: ComposeDigestInput): DigestMessage | undefined {
  const { lastWeek, settings } = input;
  const carried = input.carriedWeeks ?? [];
  // Weeks carried past an absence are reported once, here, added up with this week.
  const thisWeek = carried.length > 0 ? { ...sumWeeks([...carried, input.thisWeek]), week: input.thisWeek.week } : input.thisWeek;
  const words = carried.length > 0 ? severalWeeksWords(carried.length + 1) : PERIOD_WORDS[input.period ?? 'last-week'];
  const items = count(thisWeek.projectItems);
  const lastItems = count(lastWeek?.projectItems);
  if (items === 0 && !input.force && !settings.digest.alwaysSend) return undefined;

  const header = headerBlock(
    carried.length > 0
      ? `Your ${numberWord(carried.length + 1)} weeks in project work · ${weekLabel(carried[0]!.week)} to ${weekLabel(input.thisWeek.week)}`
      : `Your week in project work · ${weekLabel(thisWeek.week)}`,
  );
  const trend = input.trend ? sectionBlock(`*Project-work share, last weeks*\n${input.trend}`) : undefined;
  const footer = contextBlock(
    'Only you get this digest. Change when it arrives with `/lane digest day monday 9`, or stop it with `/lane digest off`.',
  );
  const changes = changesSection(thisWeek, lastWeek, 'You', words);

  if (items === 0) {
    const summary = `Nothing reached you ${words.when}: no project work landed on you (${beforePart(lastItems, words)}).`;
    const blocks = [header, sectionBlock(summary), ...optional(trend), ...optional(changes), footer];
    return { text: summary, blocks, tipIds: [] };
  }

  const summary = `${pieces(items)} of project work reached you ${words.when} (${beforePart(lastItems, words)})`;
  const categories = ranked(thisWeek.projectByCategory);
  // A delegate who is the person themselves (e.g. the workspace default is this very person) is no delegate.
  const delegateId = [input.delegateId, settings.delegateId].map(userId).find((id) => id !== undefined && id !== input.personId);
  const tips = pickTips(categories, delegateId, input.previousTipId);

  const blocks: KnownBlock[] = [
    header,
    sectionBlock(`*${summary}.*`),
    ...optional(trend),
    ...optional(categorySection(categories)),
    ...optional(sourceSection(thisWeek, 'your')),
    ...optional(assignerSection(thisWeek)),
    ...optional(linksSection(thisWeek.flagged, input.permalinks)),
    ...optional(tipsSection(tips.map((tip) => tip.text), delegateId, words)),
    ...optional(changes),
    footer,
  ];

  // Slack reads the fallback as mrkdwn too, so its control characters are escaped the same way.
  const topKinds = categories.slice(0, 3).map(([id, n]) => `${escapeMrkdwn(categoryLabel(id))} (${n})`);
  const text = `${summary}.${topKinds.length > 0 ? ` Most of it: ${topKinds.join(', ')}.` : ''}`;
  return { text: clip(text, BLOCK_KIT_LIMITS.sectionText), blocks: capBlocks(blocks), tipIds: tips.map((tip) => tip.id) };
}

/** One product manager's weeks, for the team view. */
export interface TeamMemberWeek {
  personId: string;
  thisWeek: WeeklyRecord;
  lastWeek?: WeeklyRecord;
}

export interface ComposeTeamDigestInput {
  /** The workspace's product managers, with or without project work this week. */
  people: TeamMemberWeek[];
  /**
   * Fewest product managers the figures may cover, counting only those with project work in the
   * week: with fewer, a figure could point at one person, so the message says so and shows none.
   * The comparison with the week before follows the same rule. Default 3.
   */
  minGroupSize?: number;
  /** The ISO week reported, for the heading; defaults to the week most members' records are for. */
  week?: string;
  /** How the week is spoken of; see `DigestPeriod`. Default `'last-week'` (the scheduled team digest). */
  period?: DigestPeriod;
  /**
   * The scheduled DM: return `undefined` instead of a message when there is nothing to show
   * (fewer than `minGroupSize` product managers with project work, which includes a week with
   * none at all). `/lane team` leaves it off and explains why no figures are shown.
   */
  skipWhenEmpty?: boolean;
  /** How project-work share spreads across the product managers (`renderTeamDistribution`). */
  distribution?: string;
  /** The team's project-work share over the last weeks (`renderShareTrend`). */
  trend?: string;
}

export const DEFAULT_MIN_GROUP_SIZE = 3;

/** Whether a member's week counts towards the team figures: project work reached them. */
function hasProjectWork(week: WeeklyRecord | undefined): week is WeeklyRecord {
  return count(week?.projectItems) > 0;
}

/**
 * The product lead's view: the figures (by category, by source, standup share, top channels) of
 * the product managers who had project work in the week, added up. Never mentions a person, never
 * quotes a message, and shows no figure at all when fewer than `minGroupSize` product managers
 * had project work; the week-before comparison is left out under the same rule.
 */
export function composeTeamDigest(input: ComposeTeamDigestInput & { skipWhenEmpty: true }): DigestMessage | undefined;
export function composeTeamDigest(input: ComposeTeamDigestInput): DigestMessage;
export function composeTeamDigest(input: ComposeTeamDigestInput): DigestMessage | undefined {
  const minGroupSize = input.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) throw new RangeError(`minGroupSize must be a whole number ≥ 1: ${minGroupSize}`);
  const words = PERIOD_WORDS[input.period ?? 'last-week'];
  // One person listed twice must not count as two.
  const members = [...new Map(input.people.map((member) => [member.personId, member])).values()];
  // Only those with project work this week: a member with an empty week adds nothing to the
  // figures, so counting them towards the group size would let one person's numbers show.
  const active = members.filter((member) => hasProjectWork(member.thisWeek));
  const week = input.week ?? mostCommon(members.map((member) => member.thisWeek.week));
  const header = headerBlock(`Product team: project work${week ? ` · ${weekLabel(week)}` : ''}`);

  if (active.length < minGroupSize) {
    if (input.skipWhenEmpty) return undefined;
    const who =
      active.length === 0
        ? `No product managers had project work ${words.when}`
        : `Only ${active.length === 1 ? 'one product manager' : `${active.length} product managers`} had project work ${words.when}`;
    const text = `${who}: too few to show figures without identifying someone. The team view needs at least ${minGroupSize}.`;
    return { text, blocks: [header, sectionBlock(text)], tipIds: [] };
  }

  const thisWeek = sumTeamWeeks(active.map((member) => member.thisWeek));
  // The same people's week before, shown only when enough of them had project work in it too.
  const before = active.map((member) => member.lastWeek).filter(hasProjectWork);
  const lastWeek = before.length >= minGroupSize ? sumTeamWeeks(before) : undefined;
  const items = count(thisWeek.projectItems);
  const managers = `${active.length} product ${active.length === 1 ? 'manager' : 'managers'}`;
  const comparison = lastWeek ? ` (${beforePart(count(lastWeek.projectItems), words)})` : '';
  const summary = `${pieces(items)} of project work reached ${managers} ${words.when}${comparison}`;

  const blocks: KnownBlock[] = [
    header,
    sectionBlock(`*${summary}.*`),
    ...optional(input.trend ? sectionBlock(`*Project-work share, last weeks*\n${input.trend}`) : undefined),
    ...optional(input.distribution ? sectionBlock(`*How it spreads across product managers*\n${input.distribution}`) : undefined),
    ...optional(categorySection(ranked(thisWeek.projectByCategory))),
    ...optional(sourceSection(thisWeek, 'the team’s')),
    ...optional(channelSection(thisWeek.channels)),
    ...optional(changesSection(thisWeek, lastWeek, 'The team', words)),
    contextBlock(
      `Figures for the ${managers} who had project work ${words.when}, together${lastWeek ? '' : ` (too few had any ${words.before} to compare)`}; the team view never shows one person’s numbers.`,
    ),
  ];
  return { text: `${summary}.`, blocks: capBlocks(blocks), tipIds: [] };
}

// ---------------------------------------------------------------------------------------------
// Sections

function categorySection(categories: Array<[string, number]>): KnownBlock | undefined {
  if (categories.length === 0) return undefined;
  const shown = categories.slice(0, MAX_CATEGORIES).map(([id, n]) => `• ${escapeMrkdwn(categoryLabel(id))}: ${n}`);
  const rest = categories.slice(MAX_CATEGORIES);
  if (rest.length > 0) shown.push(`• ${rest.length} other ${rest.length === 1 ? 'kind' : 'kinds'}: ${sum(rest.map(([, n]) => n))}`);
  return listSection('*By kind of work*', shown);
}

function sourceSection(week: WeeklyRecord, whose: 'your' | 'the team’s'): KnownBlock | undefined {
  const sources = SOURCE_ORDER.map((source) => [source, count(week.projectBySource[source])] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const labels = whose === 'your' ? SOURCE_LABELS : TEAM_SOURCE_LABELS;
  const lines = sources.map(([source, n]) => `• ${labels[source]}: ${n}`);
  const share = standupShare(week, whose);
  if (lines.length === 0 && !share) return undefined;
  return sectionBlock([...(lines.length > 0 ? ['*Where it came from*', ...lines] : []), ...(share ? [share] : [])].join('\n'));
}

/** "4 of your 10 standup items (40%) were project work", or nothing when no standup was reported. */
export function standupShare(week: Pick<WeeklyRecord, 'standupItems' | 'standupProjectItems'>, whose: 'your' | 'the team’s' = 'your'): string | undefined {
  const total = count(week.standupItems);
  if (total === 0) return undefined;
  const project = Math.min(count(week.standupProjectItems), total);
  if (total === 1 && whose === 'your') return `Your one standup item ${project === 1 ? 'was' : 'was not'} project work.`;
  const percent = Math.round((project / total) * 100);
  return `${project} of ${whose} ${total} standup ${total === 1 ? 'item' : 'items'} (${percent}%) ${project === 1 ? 'was' : 'were'} project work.`;
}

function assignerSection(week: WeeklyRecord): KnownBlock | undefined {
  const top = ranked(week.assigners)
    .flatMap(([id, n]) => (userId(id) ? [[id, n] as const] : []))
    .slice(0, MAX_ASSIGNERS);
  if (top.length === 0) return undefined;
  return listSection(
    '*Who handed over the most*',
    top.map(([id, n]) => `• <@${id}>: ${n}`),
    '_A quick word about who owns this kind of work can save you both time._',
  );
}

function linksSection(flagged: FlaggedMessageRef[], permalinks: Record<string, string>): KnownBlock | undefined {
  const lines: string[] = [];
  // Newest first: the ones the person is most likely to remember.
  for (let index = flagged.length - 1; index >= 0 && lines.length < MAX_LINKS; index -= 1) {
    const ref = flagged[index]!;
    const url = safeUrl(Object.hasOwn(permalinks, `${ref.channelId}/${ref.ts}`) ? permalinks[`${ref.channelId}/${ref.ts}`] : undefined);
    if (!url) continue;
    const phrase = shorten(String(ref.phrase ?? '').replace(/\s+/g, ' ').trim(), MAX_PHRASE_CHARS) || categoryLabel(ref.categories?.[0] ?? 'project work');
    const where = channelId(ref.channelId) ? ` in <#${ref.channelId}>` : '';
    lines.push(`• <${url}|“${escapeMrkdwn(phrase)}”>${where}`);
  }
  if (lines.length === 0) return undefined;
  return listSection('*Messages lanekeeper noticed*', lines);
}

function tipsSection(tips: string[], delegateId: string | undefined, words: PeriodWords): KnownBlock | undefined {
  if (tips.length === 0) return undefined;
  const lines = tips.map((tip) => `:bulb: ${tip}`);
  if (delegateId && !tips.some((tip) => tip.includes(`<@${delegateId}>`))) lines.push(`Your go-to person for project work: <@${delegateId}>.`);
  return listSection(`*${words.tipsTitle}*`, lines);
}

function changesSection(week: WeeklyRecord, before: WeeklyRecord | undefined, who: 'You' | 'The team', words: PeriodWords): KnownBlock | undefined {
  const was = (n: number) => (before ? ` (${n === 0 ? 'none' : n} the week before)` : '');
  const lines: string[] = [];
  const handoffs = count(week.handoffs);
  const snoozes = count(week.snoozes);
  const notProject = count(week.notProjectWork);
  if (handoffs > 0) lines.push(`• ${who} handed over ${pieces(handoffs)} of project work${was(count(before?.handoffs))}.`);
  if (snoozes > 0) lines.push(`• ${who} snoozed nudges ${times(snoozes)}${was(count(before?.snoozes))}.`);
  if (notProject > 0) lines.push(`• ${who} answered “not project work” ${times(notProject)}${was(count(before?.notProjectWork))}.`);
  if (lines.length === 0) return undefined;
  return listSection(`*${words.changesTitle}*`, lines);
}

function channelSection(channels: Record<string, number>): KnownBlock | undefined {
  const top = ranked(channels)
    .filter(([id]) => channelId(id))
    .slice(0, MAX_CHANNELS);
  if (top.length === 0) return undefined;
  return listSection(
    '*Top channels it came from*',
    top.map(([id, n]) => `• <#${id}>: ${n}`),
  );
}

function pickTips(categories: Array<[string, number]>, delegateId: string | undefined, previousTipId: string | undefined): Array<{ id: string; text: string }> {
  const tips: Array<{ id: string; text: string }> = [];
  for (const [category] of categories.slice(0, MAX_TIPS)) {
    const tip = pickTip({ category, delegate: delegateId ? { id: delegateId } : undefined, ...(previousTipId ? { previousTipId } : {}) });
    // Two categories can share advice; say it once.
    if (tips.some((shown) => shown.id === tip.id || shown.text === tip.text)) continue;
    tips.push(tip);
  }
  return tips;
}

// ---------------------------------------------------------------------------------------------
// Figures

/** A counter as a whole number ≥ 0 (records from an older version may miss keys). */
function count(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Non-zero entries, most first; ties in id order so the same week always reads the same. */
function ranked(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts)
    .map(([id, n]): [string, number] => [id, count(n)])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The team's weeks added up, without who handed work to whom or which messages: the team view names no one. */
function sumTeamWeeks(weeks: WeeklyRecord[]): WeeklyRecord {
  return { ...sumWeeks(weeks), assigners: {}, flagged: [] };
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

// ---------------------------------------------------------------------------------------------
// Wording

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** Words for a digest that reports several weeks at once (weeks carried past an absence). */
function severalWeeksWords(weeks: number): PeriodWords {
  return {
    when: `in the last ${numberWord(weeks)} weeks`,
    before: 'the week before them',
    changesTitle: 'Compared with the week before them',
    tipsTitle: 'To try this week',
  };
}

function numberWord(n: number): string {
  return ['zero', 'one', 'two', 'three', 'four'][n] ?? String(n);
}

/** "3 last week", "none the week before": the comparison, in the reported week's terms. */
function beforePart(n: number, words: PeriodWords): string {
  return `${n === 0 ? 'none' : n} ${words.before}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `16–22 Nov 2026`, `30 Nov – 6 Dec 2026`, `28 Dec 2026 – 3 Jan 2027`; the id itself when malformed. */
export function weekLabel(week: string): string {
  if (!isIsoWeek(week)) return week;
  const monday = isoWeekMonday(week);
  const sundayDate = new Date(Date.UTC(monday.year, monday.month - 1, monday.day + 6));
  const sunday = { year: sundayDate.getUTCFullYear(), month: sundayDate.getUTCMonth() + 1, day: sundayDate.getUTCDate() };
  const month = (m: number) => MONTHS[m - 1]!;
  if (monday.year !== sunday.year) return `${monday.day} ${month(monday.month)} ${monday.year} – ${sunday.day} ${month(sunday.month)} ${sunday.year}`;
  if (monday.month !== sunday.month) return `${monday.day} ${month(monday.month)} – ${sunday.day} ${month(sunday.month)} ${sunday.year}`;
  return `${monday.day}–${sunday.day} ${month(sunday.month)} ${sunday.year}`;
}

// ---------------------------------------------------------------------------------------------
// Block Kit

/** Slack treats &, < and > as control characters in mrkdwn. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Underscores never occur in real Slack ids; they are allowed so readable test ids (U_ANA) work too.
const SLACK_ID = /^[A-Z0-9_]{2,}$/;

/** A Slack user id safe to put in `<@…>`; anything else is dropped rather than rendered. */
function userId(id: string | undefined): string | undefined {
  return id && SLACK_ID.test(id) && /^[UW]/.test(id) ? id : undefined;
}

function channelId(id: string | undefined): boolean {
  return Boolean(id && SLACK_ID.test(id) && /^[CGD]/.test(id));
}

/** An https permalink, with the characters that would end a `<url|text>` link encoded. */
function safeUrl(url: string | undefined): string | undefined {
  if (typeof url !== 'string' || !/^https:\/\/\S+$/.test(url)) return undefined;
  return url.replace(/[|<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function headerBlock(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, BLOCK_KIT_LIMITS.headerText), emoji: true } };
}

function sectionBlock(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, BLOCK_KIT_LIMITS.sectionText) } };
}

function contextBlock(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, BLOCK_KIT_LIMITS.contextText) }] };
}

/**
 * A titled list that fits one section: whole lines only (a clipped line could cut a link or a
 * mention in half), with a count of what did not fit.
 */
function listSection(title: string, lines: string[], after?: string): KnownBlock {
  const limit = BLOCK_KIT_LIMITS.sectionText;
  const reserve = (after ? after.length + 1 : 0) + 40;
  const kept: string[] = [title];
  let length = title.length;
  for (const line of lines) {
    if (length + 1 + line.length > limit - reserve) break;
    kept.push(line);
    length += 1 + line.length;
  }
  const dropped = lines.length - (kept.length - 1);
  if (dropped > 0) kept.push(`…and ${dropped} more`);
  if (after) kept.push(after);
  return sectionBlock(kept.join('\n'));
}

function optional(block: KnownBlock | undefined): KnownBlock[] {
  return block ? [block] : [];
}

/** Keeps the first blocks and the last (the footer) within Slack's per-message limit. */
function capBlocks(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= BLOCK_KIT_LIMITS.blocks) return blocks;
  return [...blocks.slice(0, BLOCK_KIT_LIMITS.blocks - 1), blocks.at(-1)!];
}
