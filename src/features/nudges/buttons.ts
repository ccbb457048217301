import { isoWeekOf } from '../../core/digest/calendar';
import type { Logger } from '../../logger';
import { jobIdFrom, type JobQueue, type RespondPayload } from '../../ports/jobs';
import type { ProfileCache } from '../../store/profile-cache';
import type { RecordsStore } from '../../store/records';
import type { SettingsStore } from '../../store/settings';
import { escapeMrkdwn } from '../block-kit';
import { buildHandoffMessage, NUDGE_ACTIONS, nudgeButtonValue, type NudgeButtonValue } from './message';

/**
 * The four buttons on a nudge. Settings and records are written here (single Redis commands);
 * everything that talks to Slack (the hand-off post, the confirmation that replaces the nudge) is
 * queued for the deliver worker, so the click is acknowledged at once.
 */
export interface NudgeButtonDeps {
  jobs: JobQueue;
  settings: SettingsStore;
  records: RecordsStore;
  profiles: ProfileCache;
  logger: Logger;
  now?: () => number;
}

export type NudgeAction = (typeof NUDGE_ACTIONS)[keyof typeof NUDGE_ACTIONS];

export interface NudgeClick {
  actionId: NudgeAction;
  teamId: string;
  /** Enterprise Grid: the org, carried into the jobs so their work finds an org-wide install. */
  enterpriseId?: string;
  userId: string;
  value: string;
  responseUrl?: string;
  actionTs: string;
  /** The nudge is a public message (delivery mode `thread`), not one only its recipient sees. */
  seenByOthers?: boolean;
}

const SNOOZE_WEEK_MS = 7 * 24 * 3600 * 1000;

export function createNudgeButtonHandler(deps: NudgeButtonDeps) {
  const now = deps.now ?? Date.now;

  const respond = async (click: NudgeClick, text: string, replaceOriginal: boolean) => {
    if (!click.responseUrl) return;
    const payload: RespondPayload = { teamId: click.teamId, enterpriseId: click.enterpriseId, responseUrl: click.responseUrl, text, replaceOriginal };
    await deps.jobs.add('respond', payload, { jobId: jobIdFrom('respond', click.teamId, click.userId, click.actionTs) });
  };

  return async function handleNudgeClick(click: NudgeClick): Promise<void> {
    const parsed = nudgeButtonValue.safeParse(safeJson(click.value));
    if (!parsed.success) {
      deps.logger.warn({ actionId: click.actionId }, 'nudge button with an unreadable value ignored');
      return;
    }
    const value = parsed.data;
    if (click.userId !== value.r) {
      await respond(click, `These buttons are for <@${value.r}>.`, false);
      return;
    }
    const { teamId, userId } = click;
    const week = isoWeekOf(now(), (await deps.profiles.peek(teamId, userId))?.tz ?? 'UTC');
    const phrase = `“${escapeMrkdwn(value.p)}”`;
    // A double click, or a click on the public copy in a thread, counts once per nudge.
    const onceKey = `${value.c}-${value.t}`;
    // A private nudge is replaced by the answer; a public one stays, and the answer goes to the
    // person alone: their snooze or "not project work" is nobody else's business.
    const privately = !click.seenByOthers;

    switch (click.actionId) {
      case NUDGE_ACTIONS.handoff:
        await handOff(click, value);
        await deps.records.increment(teamId, userId, week, 'handoffs', onceKey);
        await respond(click, `Handed off: I asked <@${value.d}> in the thread to take ${phrase}.`, true);
        return;
      case NUDGE_ACTIONS.notProjectWork:
        await deps.settings.dismissPhrase(teamId, userId, value.p);
        // It was not project work after all: the balance, stats and digest stop counting it. Taking it
        // back is idempotent (the reference goes with it), so it comes first: if anything after it
        // fails, clicking again finishes the job without counting anything twice.
        await deps.records.retractProjectWork(teamId, userId, value.w ?? week, { channelId: value.c, threadTs: value.t, phrase: value.p });
        if (await deps.records.increment(teamId, userId, week, 'notProjectWork', onceKey)) {
          await deps.records.recordFalsePositive(teamId, value.k);
        }
        await respond(click, `Thanks for telling me. I won't nudge you about ${phrase} again (\`/lane restore\` undoes this).`, privately);
        return;
      case NUDGE_ACTIONS.snoozeWeek:
        await deps.settings.snoozeUntil(teamId, userId, now() + SNOOZE_WEEK_MS);
        await deps.records.increment(teamId, userId, week, 'snoozes', onceKey);
        await respond(click, 'Snoozed for a week. `/lane snooze off` ends it early.', privately);
        return;
      case NUDGE_ACTIONS.muteChannel:
        await deps.settings.setChannelMuted(teamId, userId, value.c, true);
        await respond(click, `No more nudges for you in <#${value.c}>. \`/lane unmute\` there, or the Home tab, undoes it.`, privately);
        return;
    }
  };

  async function handOff(click: NudgeClick, value: NudgeButtonValue): Promise<void> {
    if (!value.d) return;
    await deps.jobs.add(
      'post-message',
      { teamId: click.teamId, enterpriseId: click.enterpriseId, channelId: value.c, threadTs: value.t, text: buildHandoffMessage(value).text, purpose: 'handoff' },
      // One hand-off per thread and person, however often the button is clicked.
      { jobId: jobIdFrom('handoff', click.teamId, value.c, value.t, value.r), deduplicateForMs: 7 * 24 * 3600 * 1000 },
    );
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
