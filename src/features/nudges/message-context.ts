import { isProductCategory, isProjectCategory } from '../../core/categories';
import { renderMessage } from '../../core/classifier/slack-content';
import type { Classifier, ClassifyInput, MessageContent, Role, Verdict } from '../../core/types';
import type { ThreadRootMessage } from '../../ports/slack';
import type { ThreadParentNote } from '../../store/thread-parents';

/**
 * Pure decisions the analyze worker makes around the classifier, so that the extra Slack reads
 * (the directory, a thread's parent) stay rare and the kept data stays free of message text.
 */

/** The message as the classifier renders it (text, blocks and attachments as one mrkdwn text). */
export function renderedText(content: MessageContent): string {
  return renderMessage(content).text;
}

/**
 * A name the directory might resolve: two capitalised words ("Ana Souza"), or "@" before a word
 * typed as text ("@Ana", "@ana": the classifier reads both). Mention labels (`<@U1|Ana Souza>`) are
 * Slack's, not plain names.
 */
const PLAIN_NAME = /(?:^|[^\p{L}\p{N}|])\p{Lu}[\p{Ll}'’-]+[ \t]+\p{Lu}[\p{Ll}'’-]+|(?:^|[^\p{L}\p{N}<])@\p{L}{2}/u;

/** True when the message could name someone by plain name: only then is the directory worth reading. */
export function mayNameSomeone(rendered: string): boolean {
  return PLAIN_NAME.test(rendered);
}

/** The reason the classifier gives a message that asks nobody (see src/core/classifier/index.ts). */
const NOBODY_ASKED = 'nobody is asked to do anything';

/**
 * True when a thread reply's verdict could change with its parent: it is not flagged, names no
 * project work (nor product work, which the parent would not change), and either asks a product
 * manager something or asks nobody by name in a thread a product manager started (who may be whom
 * "can you own this?" asks). Everything else is judged on its own, without a call to Slack.
 */
export function needsThreadParent(
  message: { ts: string; threadTs?: string; parentUserId?: string },
  verdict: Verdict,
  roles: Readonly<Record<string, Role>>,
): boolean {
  if (message.threadTs === undefined || message.threadTs === message.ts) return false;
  if (verdict.flag || verdict.kind === 'standup' || verdict.work === 'product') return false;
  if (verdict.categories.some(isProjectCategory)) return false;
  if (verdict.kind === 'assignment') return verdict.assignees.some((id) => roles[id] === 'product');
  return verdict.reasons[0] === NOBODY_ASKED && (message.parentUserId === undefined || roles[message.parentUserId] === 'product');
}

/** A category reason as the classifier words it: `meeting_logistics: "book the retro room"`. */
const CATEGORY_REASON = /^([a-z_]+)(?: \(workspace word list\))?: "(.+)"$/;

/**
 * What is kept of a thread's parent: its author and the work phrases the classifier matched in it,
 * never its text. The classifier reads these phrases as the parent's words when it judges a reply.
 */
export function noteOfParent(classify: Classifier, root: ThreadRootMessage, context: Pick<ClassifyInput, 'names' | 'words'>): ThreadParentNote {
  const verdict = classify({ text: root.text, blocks: root.blocks, attachments: root.attachments, author: root.userId, fromBot: root.fromBot, ...context });
  const phrases: string[] = [];
  for (const reason of verdict.reasons) {
    const match = CATEGORY_REASON.exec(reason);
    if (match && (isProjectCategory(match[1]) || isProductCategory(match[1])) && !phrases.includes(match[2])) phrases.push(match[2]);
  }
  return { author: root.userId, fromBot: root.fromBot, work: phrases.join('\n') };
}

/** A tracker's ticket key ("OPS-31", "ENG-1204"). */
const TICKET_KEY = /\b[A-Z][A-Z0-9]{1,9}-\d{1,6}\b/;

/**
 * The ticket an app post is about, for "at most one nudge per ticket": its key when the post shows
 * one, else the link of its first attachment title (without query or fragment, which vary between
 * notifications of one ticket). Undefined when the post names no ticket.
 */
export function ticketOf(content: MessageContent, rendered: string): string | undefined {
  const key = TICKET_KEY.exec(rendered)?.[0];
  if (key) return `key:${key}`;
  for (const attachment of content.attachments ?? []) {
    const link = (attachment as { title_link?: unknown } | null)?.title_link;
    if (typeof link === 'string' && link.length > 0) return `link:${link.split(/[?#]/)[0]}`;
  }
  return undefined;
}
