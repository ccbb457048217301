import { categoryLabel } from '../../core/categories';
import { mentionedUsers } from '../../core/classifier';
import { isoWeekOf, previousIsoWeek } from '../../core/digest/calendar';
import type { DigestService } from '../digests/digest-service';
import { parseLaneCommand, USAGE, type LaneCommand } from './parse';
import { delegateOf, nudgeCandidates } from '../../core/policy';
import { sumWeeks, type WeeklyRecord } from '../../core/records';
import { pickTip } from '../../core/tips';
import { pieces } from '../../core/wording';
import type { Classifier, Role } from '../../core/types';
import type { PeopleDirectory } from '../../store/people';
import type { SlackProfile } from '../../ports/slack';
import type { ProfileCache } from '../../store/profile-cache';
import type { RecordsStore } from '../../store/records';
import type { SettingsStore } from '../../store/settings';
import { renderVerdict } from './verdict';

/**
 * `/lane`: answered inside the acknowledgement, so the person sees a reply well within Slack's
 * 3 seconds. Only Redis reads and writes happen here (plus, rarely, one profile lookup to check
 * admin rights). Bad input gets what was wrong and the right form, never a stack trace.
 */
export interface LaneCommandDeps {
  classify: Classifier;
  settings: SettingsStore;
  records: RecordsStore;
  people: PeopleDirectory;
  /** Cached profiles only: never calls Slack. */
  profiles: ProfileCache;
  /**
   * The same, but asking Slack on a cache miss: used only for the few people a command names (the
   * caller and their mentions), under a timeout, so a reply never waits on Slack for long.
   */
  lookup: { profile(teamId: string, userId: string): Promise<SlackProfile | undefined>; people: PeopleDirectory };
  digests: DigestService;
  now?: () => number;
}

export interface LaneInvocation {
  text: string;
  userId: string;
  teamId: string;
  channelId: string;
}

export interface LaneReply {
  response_type: 'ephemeral';
  text: string;
  blocks?: unknown[];
}

/** How long a command may wait for Slack profile lookups before it answers with what it has. */
const PROFILE_LOOKUP_TIMEOUT_MS = 1500;
/** At most this many people are looked up for one command. */
const MAX_LOOKUPS = 5;

/** The lookup's result, or undefined when it failed or took longer than PROFILE_LOOKUP_TIMEOUT_MS. */
async function withinLookupTime<T>(lookup: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), PROFILE_LOOKUP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([lookup, timeout]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export const LANE_HELP = [
  '*lanekeeper* notices project-management work (scheduling, status reports, meeting logistics, budgets, chasing people…) landing on product managers, and suggests handing it to a project manager. Nudges are private unless a channel chooses otherwise.',
  ...Object.values(USAGE).map((usage) => `• ${usage}`),
].join('\n');

export function createLaneCommandHandler(deps: LaneCommandDeps) {
  const now = deps.now ?? Date.now;
  return async function handleLane(invocation: LaneInvocation): Promise<LaneReply> {
    const parsed = parseLaneCommand(invocation.text);
    if (!parsed.ok) return reply(parsed.error);
    return run(parsed.command, invocation);
  };

  async function run(command: LaneCommand, { teamId, userId, channelId }: LaneInvocation): Promise<LaneReply> {
    const { settings } = deps;
    switch (command.name) {
      case 'help':
        return reply(LANE_HELP);
      case 'check': {
        const named = [...mentionedUsers(command.text), userId].slice(0, MAX_LOOKUPS);
        const roles = (await withinLookupTime(deps.lookup.people.rolesOf(teamId, named))) ?? (await deps.people.rolesOf(teamId, named));
        const verdict = deps.classify({ text: command.text, author: userId, roles });
        const candidate = nudgeCandidates(verdict, userId)[0];
        let tip = '';
        if (candidate) {
          const [theirs, workspace] = await Promise.all([settings.person(teamId, candidate.recipientId), settings.workspace(teamId)]);
          const delegate = delegateOf(candidate.recipientId, theirs, workspace);
          tip = `\n*Tip I would give:* ${pickTip({ category: candidate.categories[0], delegate }).text}`;
        }
        return reply(`${renderVerdict(verdict)}${tip}`);
      }
      case 'role.show': {
        const who = command.userId ?? userId;
        const { role, source } = await roleOf(teamId, who);
        const subject = who === userId ? 'Your role' : `<@${who}>'s role`;
        return reply(role ? `${subject}: *${role}* (${roleSourceText(source)}).` : `${subject} is not known: no \`/lane role\` set and no telling Slack title.`);
      }
      case 'role.set': {
        const target = command.userId ?? userId;
        const setBy = target === userId ? 'self' : 'admin';
        if (setBy === 'admin') {
          const admin = await isAdmin(teamId, userId);
          if (admin !== true) return notAdmin('set someone else’s role', admin);
        }
        const role = command.role === 'auto' ? undefined : (command.role as Role);
        await settings.setRole(teamId, target, role, setBy);
        const subject = target === userId ? 'Your role' : `<@${target}>'s role`;
        // The person's own choice outranks an admin's, so say which one now applies.
        const now = await roleOf(teamId, target);
        if (role && now.source === 'self' && setBy === 'admin') {
          return reply(`Noted as *${role}* from an admin, but <@${target}> set their own role (*${now.role}*), which comes first.`);
        }
        if (role) return reply(`${subject} is now *${role}*.`);
        return reply(now.role ? `${subject} is now *${now.role}* (${roleSourceText(now.source)}).` : `${subject} is read from the Slack title again.`);
      }
      case 'delegate.show': {
        const [mine, workspace] = await Promise.all([settings.person(teamId, userId), settings.workspace(teamId)]);
        // The same rule as nudges, the Home tab and digests: never yourself as the default.
        const delegate = delegateOf(userId, mine, workspace);
        if (!delegate) return reply(`Nobody yet. ${USAGE.delegate}.`);
        return reply(`You hand project work to <@${delegate.id}>${delegate.isDefault ? ' (the workspace default)' : ''}.`);
      }
      case 'delegate.set':
        if (command.delegateId === userId) return reply('Pick someone other than yourself: the point is to hand the work over.');
        await settings.setDelegate(teamId, userId, command.delegateId);
        return reply(command.delegateId ? `Got it: tips will suggest handing project work to <@${command.delegateId}>.` : 'Your delegate is cleared.');
      case 'delegate.default':
        {
          const admin = await isAdmin(teamId, userId);
          if (admin !== true) return notAdmin('set the workspace’s default delegate', admin);
        }
        await settings.setDefaultDelegate(teamId, command.delegateId);
        return reply(command.delegateId ? `<@${command.delegateId}> is now the default delegate for everyone without their own.` : 'The workspace default delegate is cleared.');
      case 'snooze': {
        const until = now() + command.durationMs;
        await settings.snoozeUntil(teamId, userId, until);
        return reply(`Snoozed for ${command.label}. \`/lane snooze off\` ends it early.`);
      }
      case 'snooze.off':
        await settings.snoozeUntil(teamId, userId, 0);
        return reply('Snooze ended: nudges are back on.');
      case 'mute':
        await settings.setChannelMuted(teamId, userId, channelId, true);
        return reply(`No more nudges for you in <#${channelId}>. \`/lane unmute\` here undoes it.`);
      case 'unmute':
        await settings.setChannelMuted(teamId, userId, channelId, false);
        return reply(`Nudges are back on for you in <#${channelId}>.`);
      case 'nudges':
        await settings.setNudgesOff(teamId, userId, !command.on);
        return reply(command.on ? 'Nudges are on.' : 'All nudges are off. Your weekly digest still arrives (`/lane digest off` stops it); `/lane on` turns nudges back on.');
      case 'restore': {
        const count = await settings.restorePhrases(teamId, userId);
        return reply(count > 0 ? `I'll nudge you again about the ${count} phrase${count === 1 ? '' : 's'} you marked "not project work".` : 'There was nothing to restore.');
      }
      case 'channel':
        await settings.setChannelMode(teamId, channelId, command.mode);
        return reply(`Nudges in <#${channelId}> are now delivered: *${MODE_TEXT[command.mode]}*.`);
      case 'stats':
        return reply(await statsText(teamId, userId, command.days));
      case 'digest.preview':
        return digestPreview(teamId, userId);
      case 'digest.set':
        await settings.setDigest(teamId, userId, { enabled: command.enabled, slot: command.slot, alwaysSend: command.alwaysSend });
        // Someone who asks for a digest every week is a digest candidate even before any record.
        if (command.alwaysSend) await deps.records.enrol(teamId, userId);
        if (!command.enabled) return reply('Weekly digest off. `/lane digest on` brings it back.');
        if (command.slot) return reply(`Your weekly digest now comes on ${WEEKDAY_NAMES[command.slot.isoWeekday - 1]}s at ${String(command.slot.hour).padStart(2, '0')}:00, your time.`);
        return reply(command.alwaysSend ? 'Weekly digest on, every week, even when there is nothing to report.' : 'Weekly digest on, in weeks with something to report.');
      case 'team':
        return teamView(teamId, userId, command.subscribe);
      case 'lead':
        {
          const admin = await isAdmin(teamId, userId);
          if (admin !== true) return notAdmin('name product leads', admin);
        }
        await settings.setProductLead(teamId, command.userId, command.lead);
        return reply(command.lead ? `<@${command.userId}> can now see \`/lane team\`.` : `<@${command.userId}> is no longer a product lead.`);
    }
  }

  /** A person's role, asking Slack for their title if it is not cached and Slack answers in time. */
  async function roleOf(teamId: string, userId: string) {
    return (await withinLookupTime(deps.lookup.people.roleOf(teamId, userId))) ?? (await deps.people.roleOf(teamId, userId));
  }

  /** True or false when known; undefined when Slack could not say in time (the reply says so). */
  async function isAdmin(teamId: string, userId: string): Promise<boolean | undefined> {
    const profile = await withinLookupTime(deps.lookup.profile(teamId, userId));
    return profile === undefined ? undefined : profile.isAdmin;
  }

  /** `known` is false when Slack said the person is not an admin, undefined when it could not say in time. */
  function notAdmin(what: string, known: boolean | undefined): LaneReply {
    return reply(`Only workspace admins can ${what}.${unconfirmedAdmin(known)}`);
  }

  /** A hint for when Slack could not say in time whether the person is an admin (they may be one). */
  function unconfirmedAdmin(known: boolean | undefined): string {
    return known === undefined ? ' Slack could not confirm whether you are an admin just now: try again in a minute.' : '';
  }

  async function timeZoneOf(teamId: string, userId: string): Promise<string> {
    const cached = await deps.profiles.get(teamId, userId).catch(() => undefined);
    return cached?.tz ?? 'UTC';
  }

  async function weeksBack(teamId: string, userId: string, count: number): Promise<WeeklyRecord[]> {
    let week = isoWeekOf(now(), await timeZoneOf(teamId, userId));
    const weeks: string[] = [];
    for (let i = 0; i < count; i += 1) {
      weeks.push(week);
      week = previousIsoWeek(week);
    }
    return Promise.all(weeks.map((w) => deps.records.week(teamId, userId, w)));
  }

  async function statsText(teamId: string, userId: string, days: 7 | 30): Promise<string> {
    const span = days === 7 ? 1 : 5;
    const weeks = await weeksBack(teamId, userId, span * 2);
    const current = sumWeeks(weeks.slice(0, span));
    const previous = sumWeeks(weeks.slice(span));
    const period = days === 7 ? 'this week' : 'the last 5 weeks';
    const total = current.projectItems + current.productItems;
    if (total === 0) return `Nothing seen reaching you ${period}. (lanekeeper only sees channels it was invited to.)`;
    const share = Math.round((current.projectItems / total) * 100);
    const lines = [`*Your balance, ${period}:* ${pieces(current.projectItems)} of project work and ${current.productItems} of product work (${share}% project).`];
    const byCategory = Object.entries(current.projectByCategory).sort((a, b) => b[1] - a[1]);
    if (byCategory.length) lines.push(`*By category:* ${byCategory.map(([id, n]) => `${categoryLabel(id)} ${n}`).join(', ')}`);
    const sources = current.projectBySource;
    lines.push(`*By source:* assigned by others ${sources.assignment ?? 0}, volunteered ${sources.self_assigned ?? 0}, in your standups ${sources.standup ?? 0}`);
    const trend = current.projectItems - previous.projectItems;
    lines.push(`*Trend:* ${trend === 0 ? 'the same as' : trend > 0 ? `${trend} more than` : `${-trend} fewer than`} the period before (${previous.projectItems}).`);
    return lines.join('\n');
  }

  async function digestPreview(teamId: string, userId: string): Promise<LaneReply> {
    const week = await deps.digests.currentWeek(teamId, userId, now());
    const digest = await deps.digests.compose(teamId, userId, week, { force: true, period: 'so-far' });
    return digest ? { response_type: 'ephemeral', text: digest.text, blocks: digest.blocks } : reply('Nothing to show yet this week.');
  }

  async function teamView(teamId: string, userId: string, subscribe: boolean | undefined): Promise<LaneReply> {
    const workspace = await deps.settings.workspace(teamId);
    if (!workspace.productLeads.includes(userId)) {
      const admin = await isAdmin(teamId, userId);
      if (admin !== true) return reply(`The team view is for workspace admins and product leads (\`/lane lead @someone\`, admins).${unconfirmedAdmin(admin)}`);
    }
    if (subscribe !== undefined) {
      await deps.settings.setTeamDigestSubscription(teamId, userId, subscribe);
      return reply(subscribe ? 'You will get the team view by DM each week, at your digest time.' : 'The weekly team view is off.');
    }
    // Slack is asked for roles not cached yet only while the lookup budget lasts; past it the view
    // is built from cached roles, so the answer comes within Slack's 3 seconds whatever the team's size.
    const week = isoWeekOf(now(), 'UTC');
    const digest = (await withinLookupTime(deps.digests.composeTeam(teamId, week))) ?? (await deps.digests.composeTeam(teamId, week, deps.people));
    return { response_type: 'ephemeral', text: digest.text, blocks: digest.blocks };
  }
}

const MODE_TEXT = {
  ephemeral: 'privately, in the thread',
  thread: 'as a friendly public reply in the thread',
  dm: 'by direct message',
  off: 'not at all',
} as const;

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function roleSourceText(source: 'self' | 'admin' | 'profile' | 'unknown'): string {
  return { self: 'set with /lane role', admin: 'set by an admin', profile: 'from the Slack title', unknown: 'unknown' }[source];
}

function reply(text: string): LaneReply {
  return { response_type: 'ephemeral', text };
}
