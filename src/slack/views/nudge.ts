import type { KnownBlock } from '@slack/web-api';
import { categoryLabel } from '../../core/categories';
import type { SendNudgePayload } from '../../queue/registry';

/**
 * The nudge a product manager sees. Says what was noticed (the phrase), what kind of project work
 * it is, and one concrete tip. Kept short: it lands in the middle of someone's conversation.
 */
export interface NudgeMessage {
  text: string;
  blocks: KnownBlock[];
}

const MAX_SECTION_TEXT = 3000;

export function buildNudgeMessage(nudge: SendNudgePayload): NudgeMessage {
  const kinds = nudge.categories.map(categoryLabel);
  const kindText = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : kinds[0];
  const noticed = noticedLine(nudge, kindText);
  const text = `${noticed} ${nudge.tip.text}`;
  const privacyNote =
    nudge.mode === 'ephemeral'
      ? 'Only you can see this. lanekeeper helps product managers keep their time for product work.'
      : 'lanekeeper helps product managers keep their time for product work.';
  return {
    text: clip(text),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(noticed) } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`:bulb: ${nudge.tip.text}`) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: privacyNote }] },
    ],
  };
}

function noticedLine(nudge: SendNudgePayload, kindText: string): string {
  const phrase = `“${escapeMrkdwn(nudge.phrase)}”`;
  switch (nudge.source) {
    case 'standup':
      return `Most of your standup is *${kindText}* work (for example ${phrase}).`;
    case 'self_assigned':
      return `You just took on ${phrase}: that is *${kindText}*, project-management work.`;
    case 'assignment':
      return nudge.assignerId
        ? `<@${nudge.assignerId}> asked you to ${phrase}: that is *${kindText}*, project-management work.`
        : `${phrase} landed on you: that is *${kindText}*, project-management work.`;
  }
}

/** Slack treats &, < and > as control characters in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string): string {
  return text.length <= MAX_SECTION_TEXT ? text : `${text.slice(0, MAX_SECTION_TEXT - 1)}…`;
}
