/**
 * `/tracker …` in the sandbox: posts as a tracker app would, so a visitor can see how lanekeeper
 * reads real app notifications. Like the real integrations, the post's `text` is only a fallback
 * line, its content is in `blocks` and `attachments`, and the assignee is named by plain name (a
 * tracker rarely knows Slack ids): lanekeeper resolves the name against the workspace directory.
 * Pure: the visitor stores and delivers what this builds.
 */
export const TRACKER_APP = { userId: 'U0TRACKER', botId: 'B0TRACKER', name: 'Tracker' } as const;

export const TRACKER_USAGE = '`/tracker assign @someone <task>` or `/tracker due @someone <task>`';

export type TrackerKind = 'assign' | 'due';

export interface TrackerRequest {
  kind: TrackerKind;
  handle: string;
  title: string;
}

/** Reads `assign @ana Book the venue` (or `due …`), or says what is wrong. */
export function parseTrackerCommand(args: string): TrackerRequest | { error: string } {
  const match = /^(\S+)\s+@(\S+)\s+(.+)$/s.exec(args.trim());
  const kind = match?.[1].toLowerCase();
  if (!match || (kind !== 'assign' && kind !== 'due')) return { error: `Use ${TRACKER_USAGE}, e.g. \`/tracker assign @ana Book the venue for the offsite\`.` };
  const title = match[3].replace(/\s+/g, ' ').trim().slice(0, 150);
  return { kind, handle: match[2].replace(/[.,;:!?]+$/, ''), title };
}

export interface TrackerPost {
  text: string;
  blocks: unknown[];
  attachments: unknown[];
}

/** A notification about ticket `key` for the person called `assigneeName`. */
export function trackerPost({ kind, title }: TrackerRequest, key: string, assigneeName: string): TrackerPost {
  const link = `https://tracker.example/browse/${key}`;
  const headline = kind === 'due' ? 'Reminder: a task is due tomorrow' : 'A task was assigned';
  return {
    // The fallback line of notifications and screen readers; real apps keep it short.
    text: `${headline}: ${key}`,
    blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `*${TRACKER_APP.name}* · ${headline}` }] }],
    attachments: [
      {
        color: kind === 'due' ? '#e8912d' : '#2f80ed',
        title: `${key} ${title}`,
        title_link: link,
        fields: [
          { title: 'Assignee', value: assigneeName, short: true },
          { title: 'Status', value: 'To Do', short: true },
          ...(kind === 'due' ? [{ title: 'Due date', value: 'Tomorrow', short: true }] : []),
        ],
        footer: `${TRACKER_APP.name} · ${key}`,
      },
    ],
  };
}
