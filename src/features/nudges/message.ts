import type { KnownBlock } from '@slack/web-api';
import { z } from 'zod';
import { categoryLabel } from '../../core/categories';
import type { Tip } from '../../core/tips';
import type { SendNudgePayload } from '../../ports/jobs';
import { escapeMrkdwn, plain } from '../block-kit';

/**
 * The nudge a product manager sees: what was noticed (the phrase), what kind of project work it
 * is, one concrete tip, and a way out (hand off, not project work, snooze, stop here). Kept short:
 * it lands in the middle of someone's conversation.
 */
export interface NudgeMessage {
  text: string;
  blocks: KnownBlock[];
}

export const NUDGE_ACTIONS = {
  handoff: 'nudge_handoff',
  notProjectWork: 'nudge_not_project_work',
  snoozeWeek: 'nudge_snooze_week',
  muteChannel: 'nudge_mute_channel',
} as const;

/** What each nudge button carries back (Slack allows 2000 characters per button value). */
export const nudgeButtonValue = z.object({
  /** The product manager the nudge was for: only they may act on it. */
  r: z.string(),
  c: z.string(),
  t: z.string(),
  k: z.array(z.string()),
  p: z.string(),
  d: z.string().optional(),
  a: z.string().optional(),
  /** The ISO week the flagged message was recorded in (absent on nudges sent before it existed). */
  w: z.string().optional(),
});
export type NudgeButtonValue = z.infer<typeof nudgeButtonValue>;

const MAX_SECTION_TEXT = 3000;

/**
 * `permalink` links a nudge sent by DM back to the conversation it is about (a DM has no thread of
 * its own to sit in). `week` is the record week of the flagged message, carried by the buttons so
 * "Not project work" can take it back out of that week's counts.
 */
export function buildNudgeMessage(nudge: SendNudgePayload & { tip: Tip }, { permalink, week }: { permalink?: string; week?: string } = {}): NudgeMessage {
  const kindText = joinWords(nudge.categories.map(categoryLabel));
  const noticed = noticedLine(nudge, kindText);
  const where = nudge.mode === 'dm' ? ` (in <#${nudge.channelId}>${permalink ? `: <${permalink}|open the conversation>` : ''})` : '';
  const value: NudgeButtonValue = {
    r: nudge.recipientId,
    c: nudge.channelId,
    t: nudge.threadTs,
    k: nudge.categories,
    p: nudge.phrase,
    d: nudge.delegateId,
    a: nudge.assignerId,
    w: week,
  };
  const encoded = JSON.stringify(value);
  const buttons: KnownBlock = {
    type: 'actions',
    block_id: 'nudge_actions',
    elements: [
      ...(nudge.delegateId
        ? [{ type: 'button' as const, action_id: NUDGE_ACTIONS.handoff, style: 'primary' as const, text: plain('Hand off'), value: encoded }]
        : []),
      { type: 'button', action_id: NUDGE_ACTIONS.notProjectWork, text: plain('Not project work'), value: encoded },
      { type: 'button', action_id: NUDGE_ACTIONS.snoozeWeek, text: plain('Snooze a week'), value: encoded },
      { type: 'button', action_id: NUDGE_ACTIONS.muteChannel, text: plain('Stop nudging me here'), value: encoded },
    ],
  };
  const footer =
    nudge.mode === 'ephemeral'
      ? 'Only you can see this. lanekeeper helps product managers keep their time for product work. `/lane help` for settings.'
      : 'lanekeeper helps product managers keep their time for product work. `/lane help` for settings.';
  const handoffHint = nudge.delegateId ? ` *Hand off* asks <@${nudge.delegateId}> in the thread.` : '';
  return {
    text: clip(`${noticed}${where} ${nudge.tip.text}`),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(`${noticed}${where}`) } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`:bulb: ${nudge.tip.text}${handoffHint}`) } },
      buttons,
      { type: 'context', elements: [{ type: 'mrkdwn', text: footer }] },
    ],
  };
}

function noticedLine(nudge: SendNudgePayload, kindText: string): string {
  const phrase = `“${escapeMrkdwn(nudge.phrase)}”`;
  const greeting = nudge.mode === 'thread' ? `${[nudge.assignerId, nudge.recipientId].filter(Boolean).map((id) => `<@${id}>`).join(' ')} ` : '';
  switch (nudge.source) {
    case 'standup':
      return `${greeting}Much of this standup is project-management work (*${kindText}*), for example ${phrase}.`;
    case 'self_assigned':
      return `${greeting}You just took on ${phrase}: that is project-management work (*${kindText}*).`;
    case 'assignment':
      return nudge.mode === 'thread'
        ? `${greeting}Quick thought on ${phrase}: that is project-management work (*${kindText}*), which a project manager usually owns.`
        : `Noticed ${phrase}: project-management work (*${kindText}*) that just landed on you.`;
  }
}

/** The message a product manager's "Hand off" click posts in the thread. */
export function buildHandoffMessage(value: NudgeButtonValue): { text: string } {
  const kind = joinWords(value.k.map(categoryLabel));
  return {
    text: `<@${value.d}>, could you take this one? <@${value.r}> is handing over the ${kind} work (“${escapeMrkdwn(value.p)}”) so they can stay on the product side. Thank you!`,
  };
}

function joinWords(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? 'project');
}

function clip(text: string): string {
  return text.length <= MAX_SECTION_TEXT ? text : `${text.slice(0, MAX_SECTION_TEXT - 1)}…`;
}
