import { PROJECT_CATEGORIES, type ProjectCategory } from './categories';

/**
 * Delegation tips: what lanekeeper suggests when project-management work lands on a product manager.
 *
 * Grounded in the seed articles: clarify the role, set boundaries and decline politely, align with
 * leadership, hand project work to a project manager or coordinator, focus on outcomes, and keep
 * time for strategy. Each tip names a concrete next step; when the caller knows who could take the
 * work, every tip names them (`<@U…>`), otherwise it reads naturally without a name.
 *
 * Pure and deterministic: tips rotate in catalogue order, so the same person never gets the same tip
 * twice in a row as long as the caller passes the previous tip id.
 */

export interface Tip {
  /** Stable id, `<category>.<n>`; store it to avoid repeating a tip to the same person. */
  id: string;
  text: string;
}

export interface PickTipOptions {
  /** A category id (see categories.ts). Unknown or product categories get general tips. */
  category: string;
  /** Who could take the work over, when known. */
  delegate?: { id: string } | undefined;
  /** The last tip this person got, so it is not repeated. */
  previousTipId?: string;
  /** The phrase that was noticed (Verdict.phrase): tips about one kind of task only go with phrases about it. */
  phrase?: string;
}

/** The logistics around a meeting: rooms, bookings, invites, agendas, minutes, catering. */
const LOGISTICS = /\b(?:rooms?|book\w*|venues?|invit\w*|calendars?|agendas?|minutes|catering|kick-?offs?|offsites?|dial-?ins?|hotels?)\b/;
/** Running a meeting or a ceremony: chairing, facilitating, a scrum master, a retro, a sync. */
const CEREMONY =
  /\b(?:stand-?ups?|retros?|retrospectives?|planning|ceremon\w*|scrum|sprint reviews?|demos?|chair\w*|facilitat\w*|host\w*|run(?:s|ning)?|syncs?|go\/no-?go)\b/;

/** A logistics tip fits a phrase about logistics, and any phrase that is not about running a ceremony. */
const aboutLogistics = (phrase: string): boolean => LOGISTICS.test(phrase) || !CEREMONY.test(phrase);

/**
 * Tips that speak of one kind of task, and the phrases they fit. A tip about running ceremonies does
 * not answer "send out the agenda and book the room"; a tip about rooms and invites does not answer
 * "chair Thursday's sync". Tips not listed here fit any phrase of their category.
 */
const FITS: Readonly<Record<string, (phrase: string) => boolean>> = {
  'meeting_logistics.1': aboutLogistics,
  'meeting_logistics.2': (phrase) => /\b(?:minutes|notes|note-?tak\w*|facilitat\w*|chair\w*|host\w*|recap|actions?)\b/.test(phrase),
  'meeting_logistics.3': aboutLogistics,
  'meeting_logistics.4': (phrase) => CEREMONY.test(phrase),
  'schedule.1': (phrase) => /\b(?:timelines?|gantt|plan|schedule|dates?)\b/.test(phrase),
  'tracker_hygiene.3': (phrase) => /\b(?:sprints?|jira|iterations?)\b/.test(phrase),
};

/** A tip's text, given a Slack mention of the delegate or undefined when nobody is known. */
type TipText = (who: string | undefined) => string;

/** "your project manager" or the named person, as the subject/object of a sentence. */
const pm = (who: string | undefined): string => who ?? 'your project manager or a delivery coordinator';
const pmShort = (who: string | undefined): string => who ?? 'your project manager';

const GENERAL: readonly TipText[] = [
  (who) => `This looks like coordination work. Try: "Happy to give context, but could ${pm(who)} own the logistics?" Then spend the hour you saved on a customer conversation.`,
  (who) => `Before you say yes, ask what outcome this serves. If it is about *how* or *when* rather than *what* and *why*, it belongs with ${pm(who)}: hand it over with a one-line brief and a deadline.`,
  (who) => `Keep a short "not mine" list this week and review it with your manager: patterns are easier to fix than one-off asks. ${who ? `${who} may be the natural owner for this one.` : 'Agree who owns these tasks going forward.'}`,
];

const CATALOGUE: Readonly<Record<ProjectCategory, readonly TipText[]>> = {
  schedule: [
    (who) => `Timelines and Gantt updates are project work. Share the priorities and the must-hit dates, then ask ${pm(who)} to own the plan: "Can you keep the timeline current? I'll flag scope changes to you."`,
    (who) => `Try owning the *what* and letting ${pmShort(who)} own the *when*: give them the ranked features and constraints, and ask for a plan you can review in 15 minutes rather than build yourself.`,
    (who) => `If you keep getting asked for date updates, agree with your lead who owns the schedule. A two-line note ("I own priorities, ${who ?? 'the project lead'} owns the plan") saves hours every sprint.`,
    (who) => `Hand over the milestones doc with the decisions that shaped it. ${who ? `${who} can` : 'A project manager can'} track dates and dependencies; you stay on the hook for what ships and why.`,
  ],
  resourcing: [
    (who) => `Who-works-on-what is a delivery call. Share the priorities and trade-offs, and ask ${pmShort(who)} or the eng lead to do the allocation: "Here's what matters most; can you staff it?"`,
    (who) => `Politely step out of staffing: "I can tell you which outcomes matter most, but ${who ?? 'the eng lead'} should decide who picks it up." Then put the ranked list where everyone can see it.`,
    (who) => `Capacity planning pulls you into the *how*. Give ${pmShort(who)} the must-haves for the next sprint and let them balance the load; review the result, don't build it.`,
  ],
  status_reporting: [
    (who) => `Status decks and RAG reports are project work. Offer ${pm(who)} the product narrative (what changed and why) and let them own the report itself.`,
    (who) => `Try a standing split: ${who ? `${who} writes` : 'the project manager writes'} the status report, you add two lines on customer impact. Same report, a fraction of your time.`,
    (who) => `If leadership keeps asking you for status, align with your manager that ${who ?? 'the project manager'} reports delivery progress. Offer a monthly product update on outcomes instead of weekly task roll-ups.`,
  ],
  risk_log: [
    (who) => `The RAID log is a project artefact. Tell ${pm(who)} about the risk and its product impact, and let them log, score and chase it.`,
    (who) => `You spotted the risk; that is the valuable part. Hand the tracking to ${pmShort(who)}: "Here's the risk and what it threatens for customers. Can you add it to the log and own mitigation?"`,
    (who) => `Keep product risks (will customers want it?) and delivery risks (will we ship on time?) apart. Own the first, and agree with your lead that ${who ?? 'the project manager'} maintains the delivery risk register.`,
  ],
  budget_tracking: [
    (who) => `Invoices, timesheets and spend tracking belong with project or finance ops. Forward it to ${pm(who)} with the context they need, and keep your focus on the product budget and its return.`,
    (who) => `A polite boundary works here: "I own the business case, not the project's spend tracking. ${who ? `Could ${who} reconcile this?" Then confirm the split with your manager.` : 'Who should reconcile this?" Then agree an owner with your manager.'}`,
    (who) => `Ask ${pmShort(who)} to send you a monthly one-line budget vs actuals summary. You stay informed without doing the reconciliation.`,
  ],
  meeting_logistics: [
    (who) => `Room bookings, invites and minutes are coordination work. Ask ${pm(who)} to run the logistics, and spend your prep time on the decisions the meeting needs to make.`,
    (who) => `Try rotating note-taking and facilitation across the team. Suggest it at the next retro ("Let's rotate minutes weekly") and ask ${who ?? 'the scrum master'} to keep the rota, so it stops defaulting to the PM.`,
    (who) => `Decline gently: "I'll bring the agenda items on product decisions; could ${who ?? 'someone on the delivery side'} handle the booking and invites?"`,
    (who) => `Running ceremonies is project work. If it keeps landing on you, raise it with your lead and agree that ${who ?? 'the scrum master or project manager'} owns them, with you as a participant.`,
  ],
  vendor_admin: [
    (who) => `Contracts, POs and procurement forms are vendor admin. Hand them to ${pmShort(who)} or procurement with a note on what the vendor must deliver for the product.`,
    (who) => `Your part in a vendor deal is the requirements and the decision. Write down "what good looks like" in five bullets, then let ${who ?? 'procurement or the project lead'} run the paperwork.`,
    (who) => `Say it kindly: "I'll define what we need from the vendor; could ${who ?? 'procurement or our project manager'} handle the contract and renewal steps?"`,
  ],
  change_control: [
    (who) => `Change requests against agreed scope are project work. You decide whether the change is worth it for the product; ${who ? `${who} can` : 'a project manager can'} log it, assess impact and take it through approval.`,
    (who) => `Separate the two questions: "Is this the right thing to build?" is yours; "what does it do to the plan and budget?" belongs to ${who ?? 'the project manager'}. Answer the first, hand over the second.`,
    (who) => `Ask ${pmShort(who)} to run the change process and bring you only the product trade-off: "Here's the ask, here's the cost; do we want it?"`,
  ],
  tracker_hygiene: [
    (who) => `Moving tickets and fixing statuses is tracker admin. Ask ${pmShort(who)} or the team to keep their own tickets current; you keep the backlog ordered by value.`,
    (who) => `Propose a team norm: "Everyone updates their own ticket status before standup." Ask ${who ?? 'the scrum master'} to hold the team to it; it takes a minute each and frees you from board cleanup.`,
    (who) => `Sprint admin in Jira is a delivery task. Hand it to ${who ?? 'the scrum master or project manager'}, and keep your time for deciding what goes into the sprint and why.`,
  ],
  follow_up: [
    (who) => `Chasing people for updates is coordination. Ask ${pm(who)} to follow up, and tell them which answer you need to make the product decision.`,
    (who) => `Instead of chasing, set up the ask so it chases itself: a clear owner and date in the ticket, and ${who ?? 'the project manager'} as the one who follows up. Then step back and focus on the decision it feeds.`,
    (who) => `Set a boundary kindly: "I need this answer for the roadmap decision. Could ${who ?? 'our project manager'} follow up and let me know by Friday?"`,
  ],
};

function catalogueFor(category: string): { key: string; tips: readonly TipText[] } {
  if (Object.hasOwn(PROJECT_CATEGORIES, category)) return { key: category, tips: CATALOGUE[category as ProjectCategory] };
  return { key: 'general', tips: GENERAL };
}

/** Every tip id in the catalogue, for tests and for stores that validate ids. */
export function allTipIds(): string[] {
  const ids: string[] = [];
  for (const [key, tips] of [...Object.entries(CATALOGUE), ['general', GENERAL] as const]) tips.forEach((_t, i) => ids.push(`${key}.${i + 1}`));
  return ids;
}

/**
 * The next tip for a category. Rotates through the category's tips after `previousTipId`, so a
 * person never gets the same tip twice in a row.
 */
export function pickTip(options: PickTipOptions): Tip {
  const { key, tips } = catalogueFor(options.category);
  const fits = (i: number): boolean => {
    const rule = FITS[`${key}.${i + 1}`];
    return rule === undefined || options.phrase === undefined || rule(options.phrase.toLowerCase());
  };
  let start = 0;
  const previous = options.previousTipId;
  if (previous !== undefined) {
    const prevIndex = Number(previous.split('.')[1]) - 1;
    // The next one along. After a tip from another category the rotation just carries on: the ids
    // differ anyway, and people see a different style of advice each time.
    if (Number.isInteger(prevIndex) && prevIndex >= 0) start = (prevIndex + 1) % tips.length;
  }
  // The first tip from there on that fits the phrase. (Every phrase fits some tip of each category;
  // when only the last one fits, fitting comes first.)
  let index = start;
  for (let step = 0; step < tips.length; step++) {
    const i = (start + step) % tips.length;
    if (fits(i)) {
      index = i;
      break;
    }
  }
  const who = options.delegate ? `<@${options.delegate.id}>` : undefined;
  return { id: `${key}.${index + 1}`, text: tips[index](who) };
}
