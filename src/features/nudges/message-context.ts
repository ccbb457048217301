import { isProductCategory, isProjectCategory } from '../../core/categories';
import { NOBODY_ASKED_REASON } from '../../core/classifier';
import { renderMessage } from '../../core/classifier/slack-content';
import { categoryOfReason } from '../../core/classifier/summary';
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
  return verdict.reasons[0] === NOBODY_ASKED_REASON && (message.parentUserId === undefined || roles[message.parentUserId] === 'product');
}

/**
 * What is kept of a thread's parent: its author and the work phrases the classifier matched in it,
 * never its text. The classifier reads these phrases as the parent's words when it judges a reply.
 */
export function noteOfParent(classify: Classifier, root: ThreadRootMessage, context: Pick<ClassifyInput, 'names' | 'words'>): ThreadParentNote {
  const verdict = classify({ text: root.text, blocks: root.blocks, attachments: root.attachments, author: root.userId, fromBot: root.fromBot, ...context });
  const phrases: string[] = [];
  for (const reason of verdict.reasons) {
    const named = categoryOfReason(reason);
    if (named && (isProjectCategory(named.category) || isProductCategory(named.category)) && !phrases.includes(named.phrase)) phrases.push(named.phrase);
  }
  return { author: root.userId, fromBot: root.fromBot, work: phrases.join('\n') };
}

/** A tracker's ticket key ("OPS-31", "ENG-1204", "PLAT2-7"): a prefix, a dash, a number. */
const TICKET_KEY = /\b([A-Z][A-Z0-9]{1,9})-(\d{1,6})\b/g;
/** Standards and names written like ticket keys ("UTF-8", "ISO-8601", "COVID-19", "SHA-256"). */
const NOT_TICKET_PREFIXES = new Set(['UTF', 'ISO', 'COVID', 'SHA', 'RFC', 'TLS', 'SSL', 'HTTP', 'HTTPS', 'CVE', 'AES', 'RSA', 'IEEE', 'ECMA', 'PEP', 'FY', 'GPT', 'WCAG', 'SOC', 'PCI', 'IPV', 'MD', 'ISBN']);

/** The first key in a line that looks like a ticket's: a prefix of two letters or more that names no standard ("Q3-2026" is a quarter). */
function ticketKeyIn(line: string): string | undefined {
  for (const match of line.matchAll(TICKET_KEY)) {
    const prefix = match[1];
    if ((prefix.match(/[A-Z]/g)?.length ?? 0) >= 2 && !NOT_TICKET_PREFIXES.has(prefix)) return match[0];
  }
  return undefined;
}

/** A line that is wholly bold, as trackers write a ticket's title (`*<https://…/browse/OPS-31|OPS-31 Book rooms>*`). */
const BOLD_LINE = /^\s*(?::[a-z0-9_+-]+:\s*)?\*[^*\n]+\*\s*$/;
/** A link's address, where a tracker's link to the ticket carries its key (`https://…/browse/OPS-31`). */
const LINK_URL = /<(https?:\/\/[^|>\s]+)/g;

/**
 * Where a tracker puts the ticket: attachments' titles, header blocks, the first line of the post,
 * its wholly bold lines, and the addresses it links to.
 */
function titleLines(content: MessageContent, rendered: string): string[] {
  const lines: string[] = [];
  for (const attachment of content.attachments ?? []) {
    const title = (attachment as { title?: unknown } | null)?.title;
    if (typeof title === 'string') lines.push(title);
  }
  for (const block of content.blocks ?? []) {
    const header = block as { type?: unknown; text?: { text?: unknown } } | null;
    if (header?.type === 'header' && typeof header.text?.text === 'string') lines.push(header.text.text);
  }
  const textLines = rendered.split('\n');
  lines.push(textLines[0], ...textLines.slice(1).filter((line) => BOLD_LINE.test(line)));
  for (const match of rendered.matchAll(LINK_URL)) lines.push(match[1]);
  return lines;
}

/**
 * The ticket an app post is about, for "at most one nudge per ticket": a ticket's key in its title
 * line, else the link of its first attachment title (without query or fragment, which vary between
 * notifications of one ticket). Undefined when the post names no ticket there: a key elsewhere in
 * the text may be a mention of another ticket, and two posts are better nudged twice than one lost.
 */
export function ticketOf(content: MessageContent, rendered: string): string | undefined {
  for (const line of titleLines(content, rendered)) {
    const key = ticketKeyIn(line);
    if (key) return `key:${key}`;
  }
  for (const attachment of content.attachments ?? []) {
    const link = (attachment as { title_link?: unknown } | null)?.title_link;
    if (typeof link === 'string' && link.length > 0) return `link:${link.split(/[?#]/)[0]}`;
  }
  return undefined;
}
