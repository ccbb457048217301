/**
 * Tracker and workflow posts (`fromBot`), read structurally on the post's own words: who the post
 * says now holds the work. Lines are normalised (mentions as `@pN`, see normalize.ts); `untitled` are
 * the same lines with ticket titles masked, so a word in a title ("Chase overdue invoices") never
 * decides what the post reports.
 *
 * The layouts are the integrations' own: "@x was assigned", "@y assigned @x to …", "@x assigned the
 * issue to themselves", "@x self-assigned", "@x joined the card", "… assigned to @x (by Name)",
 * "added @x and @y to the card", "changed the assignee to @x", "new task for @x", label fields on one
 * line or on two ("Assignee: @x", "*Assigned to*\n@x", "Members: @x, @y", "Approver", "Sent to",
 * "Risk owner", "MC"), and a form's task split (a line naming a piece of work, the next naming who).
 */

/** A run of mentions: "@p0, @p1 and @p2". */
const RUN = '@p\\d+(?:\\s*(?:,|and|&|\\+)\\s*@p\\d+)*';

/** The post reports an end, a move, a removal or a comment: nothing is handed over by the app itself. */
const TRACKER_CHATTER =
  /\b(?:unassigned|commented|changed|completed|moved|closed|resolved|marked|removed|archived|mentioned you|reopened|deleted|cancelled|canceled|approved|merged|left the card|was mentioned|were mentioned)\b/;
/** A form or status that was submitted: done, not handed over ("Status submitted", "Submitted ✅"). */
const SUBMITTED = /^submitted\b(?! (?:by|via|with|through|from|in|using)\b)|\b(?:status|update|report|form|timesheets?|response|answers?|check-in) (?:was |were |has been )?submitted\b/m;
/** An assignee change whose new holder is in the post's fields. */
const ASSIGNEE_CHANGED = /\bchanged the (?:assignee|owner|assignees)\b/;
/** "Assigned To changed to @x", "Owner set to @x": a field's new value. */
const LABEL_CHANGED = new RegExp(`^(?:assignees?|assigned to|owners?|person|people|dri)\\s+(?:changed|set|updated)\\s+(?:to|→|->|=>)\\s*(${RUN})`);
/** Cues that name the holder whatever else the post reports (an assignee change is still an assignment). */
const TRACKER_REASSIGN: ReadonlyArray<RegExp> = [
  new RegExp(`\\b(?:assignee|assignees|owner|owners|person|people)\\b[^\\n]*?(?: to|→|->|=>)\\s*(${RUN})`),
  new RegExp(`\\breassigned\\b[^\\n]*?(?: to|→|->|=>)\\s*(${RUN})`),
];
const TRACKER_ASSIGN: ReadonlyArray<RegExp> = [
  new RegExp(`(${RUN})\\s+(?:was|has been|have been|were|got|is|are|'s been|just got)\\s+(?:assigned|added|reassigned)\\b`),
  new RegExp(`(${RUN})\\s+(?:was |were |has been |have been )?added to\\b`),
  new RegExp(`(${RUN}),?\\s+(?:you'?ve been|you have been|you were|you got|you just got)\\s+(?:assigned|added)\\b`),
  new RegExp(`(${RUN})\\s+(?:assigned|added)\\s+(?:(?:this|the|a|an)\\s+)?(?:(?:issue|task|card|ticket|story|item|bug|subtask|link|title)\\s+)?(?:to\\s+)?(?:themselves|themself|himself|herself|yourself)\\b`),
  new RegExp(`(${RUN})\\s+(?:self-assigned|self assigned|joined|took|picked up|claimed)\\b`),
  new RegExp(`@p\\d+\\s+(?:assigned|added|reassigned)\\s+(${RUN})\\b`),
  new RegExp(`\\b(?:assigned|added|reassigned)\\b[^\\n]*?\\bto (${RUN})`),
  new RegExp(`\\b(?:assigned|added)\\s+(${RUN})\\s+(?:to|as|on)\\b`),
  new RegExp(`\\bnew (?:task|ticket|issue|card|request|item|to-?do|action)s? for (${RUN})`),
  new RegExp(`\\b(?:check-in|checkin|update request|request|reminder|action|task)s? for (${RUN})`),
  // "Fiona sent @x an update request", "Approval request sent to @x", "Signer: @x · Sent by Grace".
  new RegExp(`\\bsent (${RUN}) an? (?:[a-z]+ )?(?:request|reminder)\\b`),
  new RegExp(`\\b(?:request|requests|reminder)\\s+sent to (${RUN})`),
  new RegExp(`(?:^|[·|•,]\\s*)(?:approvers?|signers?|booker)\\s*:?\\s*(${RUN})`, 'm'),
  // ServiceNow, Jira Service Management, DocuSign: "Approval requested from @x", "Awaiting sign-off by @x".
  new RegExp(`\\b(?:approval|sign-?off|signature|decision)s? (?:requested|needed|required|pending|request(?:ed)? sent) (?:from|of|by|to) (${RUN})`),
  new RegExp(`\\bawaiting (?:approval|sign-?off|signature|action) (?:from|of|by) (${RUN})`),
  new RegExp(`(${RUN}),? (?:your|ur) (?:approval|sign-?off|signature|action) is (?:needed|required|requested|pending)\\b`),
];
/** Labels that say who holds the work, on one line with the names or on the line above them. */
const HOLDER_LABEL =
  /\b(?:owner|owners|assignee|assignees|approver|approvers|host|hosts|rota|on duty|on call|this week|today|facilitator|facilitators|chair|note-?taker|notes|assigned|assigned to)$|^(?:assignees?|assign(?:ed)?(?: to| user)?|owners?|task owner|action owner|risk owner|owner for [a-z' -]+|person|people|members?|responsible(?: person)?|dri|accountable|handled by|owned by|approvers?|sent to|host|hosts|facilitator|chair|mc|emcee|note-?taker|lead|this week|today|on duty|on call|doing it|who|covering|stand-?in|standing in|(?:cover |travel |booking )?arranged by|booker|signers?)\b/;
/** Labels that name someone who does not hold the work. */
const OTHER_LABEL =
  /\b(?:submitted|requested|logged|raised|created|opened|updated|reported|posted|sent|closed|approved|completed) by\b|^(?:reporter|from|name|cc|watchers?|followers?|author|next week|previous|last week|requester|reviewers?|creator|mentioned|previously|organi[sz]er|guests?|attendees?|invitees?|participants?|optional|required|(?:person |people )?(?:on leave|away|absent|off)|travell?ers?|reminder (?:from|set by))\b/;
/** A due-date reminder names who holds the task: that work sits with them. */
const TRACKER_DUE = /\b(?:reminder|is due|are due|due today|due tomorrow|due on|due in|due by|due soon|overdue|due date is|past due|deadline approaching|deadline is)\b/;
/** An assignment to "you" with nobody named ("You've been assigned *OPS-7: …* by Priya"). */
const TRACKER_ASSIGN_UNNAMED = /^(?:you'?ve|you have) been (?:assigned|added)\b|\bassigned (?:to )?you\b/;
/** A line of mentions only. */
const MENTIONS_ONLY = new RegExp(`^(${RUN})$`);
/** A short label line (a field name or a piece of work), without mentions. */
const LABEL_LINE = /^[a-z0-9][a-z0-9 &+/%'(),.:-]{0,48}$/;

/** Bold spans and quoted strings of two words or more, without a mention or link: ticket titles. */
const TITLE_SPAN = /\*[^*\n<\s]+\s[^*\n<]*[^*\n<:\s]\*|"[^"\n<\s]+\s[^"\n<]*"|“[^”\n<\s]+\s[^”\n<]*”/g;

/**
 * Raw tracker text with ticket titles blanked out ("*OPS-90: Chase overdue invoices*" → "title"), so
 * the notification's own words ("commented", "moved", "assigned … to") are read without the title's
 * ("overdue", "completed", "changed scope"). Mentions are kept, in order.
 */
export function maskTicketTitles(raw: string): string {
  return raw.includes('*') || raw.includes('"') || raw.includes('“') ? raw.replace(TITLE_SPAN, ' title ') : raw;
}

/** True when an app tells an unnamed "you" that they were assigned something. */
export function trackerAssignsUnnamed(untitled: readonly string[]): boolean {
  return untitled.some((line) => TRACKER_ASSIGN_UNNAMED.test(line)) && !TRACKER_CHATTER.test(untitled.join('\n'));
}

export interface TrackerReading {
  /** The mentions that hold the work. */
  actors: number[];
  cue: string;
  how: 'assigned' | 'due';
}

function indexes(run: string): number[] {
  return [...new Set([...run.matchAll(/@p(\d+)/g)].map((m) => Number(m[1])))];
}

function cueOf(text: string): string {
  return text.replace(/@p\d+/g, '@someone').trim();
}

function firstMatch(patterns: ReadonlyArray<RegExp>, lines: readonly string[]): TrackerReading | undefined {
  for (const line of lines) {
    for (const re of patterns) {
      const m = re.exec(line);
      if (m) return { actors: indexes(m[1]), cue: cueOf(m[0]), how: 'assigned' };
    }
  }
  return undefined;
}

interface Field {
  label: string;
  actors: number[];
  /** The label sat on its own line above the names (a form's layout). */
  twoLines: boolean;
}

/** Fields: "label: @x, @y" (one line, or parts of a line split at "·" and "|"), and a label line followed by a line of mentions. */
function fieldsOf(untitled: readonly string[]): Field[] {
  const fields: Field[] = [];
  for (let i = 0; i < untitled.length; i++) {
    for (const part of untitled[i].split(/\s+[·|•]\s+|\s{2,}/)) {
      const m = new RegExp(`^([a-z][a-z0-9 &+/'()-]{0,40}?)\\s*[:=–-]?\\s*(?:[+→>]|->)?\\s*(${RUN})\\b`).exec(part.trim());
      if (m && !MENTIONS_ONLY.test(part.trim())) fields.push({ label: m[1].trim(), actors: indexes(m[2]), twoLines: false });
    }
    const next = untitled[i + 1];
    if (next !== undefined && LABEL_LINE.test(untitled[i]) && MENTIONS_ONLY.test(next.trim())) {
      fields.push({ label: untitled[i].replace(/:$/, '').trim(), actors: indexes(next), twoLines: true });
    }
  }
  return fields;
}

/**
 * Who a tracker or workflow post gives work to, or undefined when it gives none. A reminder of a due
 * task gives it to whoever it names as holding it (`how: 'due'`).
 */
export function trackerAssignee(lines: readonly string[], untitled: readonly string[] = lines): TrackerReading | undefined {
  // (A bold field name, "*Assigned To* changed to *Ana*", is masked as a title: read it unmasked.)
  const reassigned = firstMatch(TRACKER_REASSIGN, untitled) ?? firstMatch([LABEL_CHANGED], lines);
  if (reassigned) return reassigned;
  const own = untitled.join('\n');
  // Field labels are often bold ("*Assigned to*"), which masking would take for a title: read them unmasked.
  const fields = fieldsOf(lines);
  const holders = fields.filter((f) => HOLDER_LABEL.test(f.label));
  // "Lee changed the assignee of an issue" with "Assignee: Ana" below: the change is a hand-over.
  if (ASSIGNEE_CHANGED.test(own) && holders.length > 0) return { actors: [...new Set(holders.flatMap((f) => f.actors))], cue: 'changed the assignee', how: 'assigned' };
  // The app's own event line comes first ("Robin assigned OPS-12 to Helen"): what the ticket's
  // description says after it ("hasn't moved since the drop") reports nothing about the post.
  const announced = firstMatch(TRACKER_ASSIGN, untitled.slice(0, 1));
  if (announced && !TRACKER_CHATTER.test(untitled[0])) return announced;
  if (TRACKER_CHATTER.test(own) || SUBMITTED.test(own)) return undefined;
  const assigned = firstMatch(TRACKER_ASSIGN, untitled) ?? firstMatch(TRACKER_ASSIGN, lines);
  if (assigned) return assigned;
  if (holders.length > 0) return { actors: [...new Set(holders.flatMap((f) => f.actors))], cue: `${holders[0].label}: @someone`, how: 'assigned' };
  // A form's task split: each piece of work on a line, its owner on the next.
  const split = fields.filter((f) => f.twoLines && !OTHER_LABEL.test(f.label) && !HOLDER_LABEL.test(f.label));
  const due = TRACKER_DUE.exec(own);
  if (due) {
    const named = fields.filter((f) => !OTHER_LABEL.test(f.label)).flatMap((f) => f.actors);
    // Whoever the reminder is from or by set it; the one it names after that holds the task.
    const holder = named.length > 0 ? named : indexes(/@p\d+/.exec(own.replace(/\b(?:from|by)\s+@p\d+/g, ''))?.[0] ?? '');
    if (holder.length > 0) return { actors: holder, cue: due[0], how: 'due' };
  }
  if (split.length >= 2) return { actors: [...new Set(split.flatMap((f) => f.actors))], cue: 'a task split naming owners', how: 'assigned' };
  return undefined;
}

/** True when the post carries someone's own words (a comment, an update, a mention): read them first. */
export function carriesWords(raw: string): boolean {
  // (A global regex: test() moves lastIndex, so start from 0 and leave it there.)
  COMMENT_MARKER.lastIndex = 0;
  const found = COMMENT_MARKER.test(raw);
  COMMENT_MARKER.lastIndex = 0;
  return found;
}

/** Where a comment's body starts: after "commented on *X*:", "mentioned you:", "New comment by x on #12". */
const COMMENT_MARKER = /^[^\n]*?\b(?:commented|comment|replied|wrote|mentioned you|said)\b(?:[^:\n*]|\*[^*\n]*\*)*:[ \t]*/gm;

/**
 * The post as a person's words: what a comment, a relayed email or a note in an app post says. Titles
 * are masked (an imperative title is not a request), comment markers and the app's quote markers are
 * dropped (a comment quoted by the app is the comment itself).
 */
export function personalText(raw: string): string | undefined {
  // A post that reports a change, an end or a removal carries no person's request of its own.
  if (REPORTS_CHANGE.test(maskTicketTitles(raw).toLowerCase())) return undefined;
  const lines = maskTicketTitles(raw.replace(COMMENT_MARKER, ''))
    .replace(/^\s*(?:&gt;|>)+\s?/gm, '')
    .replace(/^\s*["“]|["”]\s*$/gm, '')
    .split('\n');
  // Field labels and the names under them are the app's layout, not anyone's words ("*Cover*\n<@U1>").
  const mentionsOnly = (line: string | undefined): boolean => line !== undefined && /^[\s*_]*(?:<@[UW][A-Z0-9_]+(?:\|[^>]*)?>[\s*_,&]*)+$/.test(line);
  const field = (line: string): boolean => /^[\s*_]*[A-Za-z][A-Za-z /&'-]{0,30}[*_]*\s*:?[*_]*\s*(?:<@[UW][A-Z0-9_]+(?:\|[^>]*)?>[\s*_,&]*)+$/.test(line);
  return lines
    .filter((line, i) => !mentionsOnly(line) && !field(line) && !APP_REPORT_LINE.test(line) && !(mentionsOnly(lines[i + 1]) && /^[\s*_]*[A-Za-z][^<]{0,40}$/.test(line)))
    .join('\n');
}

/** The app's own line about the comment ("*@lee* commented on an issue", "New comment"): not the commenter's words. */
const APP_REPORT_LINE =
  /^[\s*_]*(?:<@[UW][A-Z0-9_]+(?:\|[^>]*)?>[\s*_]*)?(?:[A-Za-z]+ )?(?:commented|replied|wrote|mentioned you|was mentioned|were mentioned|you were mentioned|new comment|comment on|added a comment|left a comment)\b[^:\n]*$/i;

/** Reports of a change, an end or a removal (not of a comment or a mention). */
const REPORTS_CHANGE = /\b(?:unassigned|changed|completed|moved|closed|resolved|removed|archived|reopened|deleted|cancelled|canceled|merged|approved|submitted|marked)\b/;

/** Field labels of app layouts ("Status:", "Due date:", "Labels:"): the app's words, not the work. */
/** The app's own report of what happened to the ticket ("created a Story", "assigned an issue"): not the work. */
const APP_VERBS = /\b(?:created|opened|added|assigned|updated|moved|closed|self-assigned)\s+(?:a|an|the|this)?\s*(?:story|task|issue|bug|epic|subtask|sub-task|card|item|ticket|request)s?\b/g;

const LAYOUT_LABELS = /(^|\n|[·|]\s*)\s*(?:task status|status|due date|due|date|labels?|priority|project|board|list|type|request type|component|sprint|estimate|created|updated|story points|points)\s*:?\s*(?=\S)/g;

/** Normalised post text without the app's layout labels, for reading what the work is. */
export function withoutLayoutLabels(text: string): string {
  return text.replace(LAYOUT_LABELS, '$1 ').replace(APP_VERBS, ' ');
}
