/**
 * The vocabulary shared by the classifier, the workers and the Slack layer.
 * Pure types: no I/O and no runtime code lives here.
 */

export const ROLES = ['product', 'project', 'engineering', 'design', 'other'] as const;
/** A person's role in a workspace, as far as lanekeeper is concerned. */
export type Role = (typeof ROLES)[number];

export const MESSAGE_KINDS = ['assignment', 'standup', 'chatter'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const WORK_KINDS = ['project', 'product', 'other'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** A message's own content as Slack sends it: the text and, for app posts and rich messages, blocks and attachments. */
export interface MessageContent {
  /** Raw Slack message text (mrkdwn, with `<@U…>` mentions and `&amp;` escapes as Slack sends them). May be empty. */
  text: string;
  /** Slack's `blocks` (section, context, header, rich_text …), as sent. Unknown shapes are skipped. */
  blocks?: readonly unknown[];
  /** Slack's legacy `attachments` (pretext, title, text, fields, fallback), as sent. */
  attachments?: readonly unknown[];
}

/** The parent of a thread reply: what "can you own this?" refers to. */
export interface ThreadParent {
  text?: string;
  blocks?: readonly unknown[];
  attachments?: readonly unknown[];
  /** Slack user id of the parent's author. */
  author?: string;
  fromBot?: boolean;
}

/**
 * A workspace's own word lists (set by its admins): phrases that always count as project work, and
 * phrases that never do. A project phrase may name its category; otherwise the category its own
 * words suggest is used (follow-ups when they suggest none).
 */
export interface WorkspaceWords {
  project?: ReadonlyArray<string | { phrase: string; category?: string }>;
  notProject?: readonly string[];
}

/** What the classifier needs to judge one Slack message. */
export interface ClassifyInput extends MessageContent {
  /** Slack user id of the author, when known. */
  author?: string;
  /** Known roles of people involved (author and mentioned users), by Slack user id. */
  roles?: Readonly<Record<string, Role>>;
  /** True when another app posted the message (trackers, standup bots). */
  fromBot?: boolean;
  /** The thread's parent message, for a reply. Read only when the reply asks something but names no work. */
  parent?: ThreadParent;
  /** The workspace directory, `{"U_ANA": "Ana Souza"}`: resolves people named by plain name ("Assignee: Ana Souza", "@Ana Souza"). */
  names?: Readonly<Record<string, string>>;
  /** Word lists for this message's workspace; a classifier made with its own lists uses those when this is absent. */
  words?: WorkspaceWords;
}

/** One line of work in a standup, judged on its own. */
export interface StandupItem {
  text: string;
  work: WorkKind;
  categories: string[];
}

/** The classifier's judgement on one message. */
export interface Verdict {
  kind: MessageKind;
  /** True when project-management work lands on a product manager. */
  flag: boolean;
  /** Slack user ids the work is handed to (or the author, when they volunteer or report). */
  assignees: string[];
  /** The product managers this verdict is about: who should be nudged. Empty when flag is false. */
  flagged: string[];
  work: WorkKind;
  /** Category ids (see categories.ts), strongest first. */
  categories: string[];
  /** Between 0 and 1. */
  confidence: number;
  /** Human-readable reasons, e.g. `schedule: "update the timeline"`. */
  reasons: string[];
  /** The short phrase that decided the strongest project category: the only message text the bot keeps. */
  phrase?: string;
  /** Standups only: the per-item breakdown and the share of project-management items (0..1). */
  items?: StandupItem[];
  projectShare?: number;
}

/** Any function that judges a message. The analyze worker depends on this seam only. */
export type Classifier = (input: ClassifyInput) => Verdict;
