import type { Classifier } from '../../core/types';
import type { SlackProfile } from '../../ports/slack';
import type { PeopleDirectory } from '../../store/people';
import type { ProfileCache } from '../../store/profile-cache';
import type { RecordsStore } from '../../store/records';
import type { SettingsStore } from '../../store/settings';
import type { WordListsStore } from '../../store/word-lists';
import type { TimePreferencesStore } from '../../store/time-preferences';
import type { DigestService } from '../digests/digest-service';
import type { JobQueue } from '../../ports/jobs';

/**
 * What a `/lane` subcommand is: the words that select it, its line of help, a pure parser that
 * turns the rest of the text into a command (or says what was wrong and the right form), and the
 * use case that answers it. Each subcommand is one module in ./subcommands; the table in
 * ./subcommands/index.ts lists them.
 */
export interface LaneCommandDeps {
  classify: Classifier;
  settings: SettingsStore;
  records: RecordsStore;
  /** Working hours, absences and public holidays (`/lane hours`, `/lane away`, `/lane holidays`). */
  timePreferences: TimePreferencesStore;
  people: PeopleDirectory;
  /** Cached profiles only: never calls Slack. */
  profiles: ProfileCache;
  /**
   * The same, but asking Slack on a cache miss: used only for the few people a command names (the
   * caller and their mentions), under a timeout, so a reply never waits on Slack for long.
   */
  lookup: { profile(teamId: string, userId: string): Promise<SlackProfile | undefined>; people: PeopleDirectory };
  digests: DigestService;
  /** The workspace's `/lane words` lists: changed by `/lane words`, read by `/lane check`. */
  wordLists: WordListsStore;
  /** For rebuilding the Home tab after a command changed what it shows. */
  jobs: JobQueue;
  now?: () => number;
}

export interface LaneInvocation {
  text: string;
  userId: string;
  teamId: string;
  /** The Enterprise Grid org Bolt authorized the command under, if any. */
  enterpriseId?: string;
  channelId: string;
}

export interface LaneReply {
  response_type: 'ephemeral';
  text: string;
  blocks?: unknown[];
}

export type ParseResult<C> = { ok: true; command: C } | { ok: false; error: string };

/** The text after `/lane`, split: the first word (lower case), the other words, and everything after the first word as typed. */
export interface LaneWords {
  word: string;
  args: string[];
  rest: string;
}

export interface LaneSubcommand<C extends { name: string }> {
  /** The first words that select it, lower case (e.g. `['off', 'on']`). */
  words: readonly string[];
  /** Its line in `/lane help`, and the right form a parse error points to. */
  usage: string;
  parse(input: LaneWords): ParseResult<C>;
  run(command: C, invocation: LaneInvocation, lane: LaneTools): Promise<LaneReply>;
}

/** A table entry: a subcommand with its command type erased (see `subcommand`). */
export type LaneEntry = LaneSubcommand<{ name: string }>;

/**
 * Declares a subcommand for the table. The table holds subcommands of different command types; a
 * command is only ever handed back to the `run` of the subcommand whose `parse` made it, which is
 * what makes erasing the type here safe.
 */
export function subcommand<C extends { name: string }>(definition: LaneSubcommand<C>): LaneEntry {
  return definition as unknown as LaneEntry;
}

/** Shared helpers a subcommand's `run` gets (built once per handler in ./tools.ts). */
export interface LaneTools {
  deps: LaneCommandDeps;
  now(): number;
  /** The lookup's result, or undefined when it failed or took longer than the lookup budget. */
  withinLookupTime<T>(lookup: Promise<T>): Promise<T | undefined>;
  /** A person's role, asking Slack for their title if it is not cached and Slack answers in time. */
  roleOf: PeopleDirectory['roleOf'];
  /** True or false when known; undefined when Slack could not say in time (the reply says so). */
  isAdmin(teamId: string, userId: string): Promise<boolean | undefined>;
  timeZoneOf(teamId: string, userId: string): Promise<string>;
  /** Queues a rebuild of the caller's Home tab, after a change it shows. */
  refreshHome(invocation: Pick<LaneInvocation, 'teamId' | 'enterpriseId' | 'userId'>): Promise<void>;
}

/** At most this many people are looked up for one command. */
export const MAX_LOOKUPS = 5;

export function reply(text: string): LaneReply {
  return { response_type: 'ephemeral', text };
}

/** A refusal naming what was wrong and the right form. */
export function usageError(what: string, usage: string): { ok: false; error: string } {
  return { ok: false, error: `${what} Use ${usage}.` };
}

export function parsed<C>(command: C): { ok: true; command: C } {
  return { ok: true, command };
}

/** `known` is false when Slack said the person is not an admin, undefined when it could not say in time. */
export function notAdmin(what: string, known: boolean | undefined): LaneReply {
  return reply(`Only workspace admins can ${what}.${unconfirmedAdmin(known)}`);
}

/** A hint for when Slack could not say in time whether the person is an admin (they may be one). */
export function unconfirmedAdmin(known: boolean | undefined): string {
  return known === undefined ? ' Slack could not confirm whether you are an admin just now: try again in a minute.' : '';
}

export const MENTION = /^<@([UW][A-Z0-9_]+)(?:\|[^>]*)?>$/;

/** Echoes a person's input back safely: no backticks, at most 40 characters. */
export function clip(text: string): string {
  const cleaned = text.replace(/`/g, "'");
  return cleaned.length > 40 ? `${cleaned.slice(0, 39)}…` : cleaned;
}
