/**
 * Who is asked to do something in one clause, and what stops a clause from being a request.
 *
 * Clause text is normalised (see normalize.ts): lower case, mentions as `@p<N>`, user groups as
 * `@group` and broadcasts as `@all`. An actor is either a mention index or the author.
 */

export type Actor = number | 'author';

/** The cue of a clause that is only a name, asked ("… we need someone to keep the plan. @ana?"). */
export const PUT_FORWARD = 'put forward by name';

export interface ClauseCues {
  /** People asked, told or volunteering in this clause. */
  actors: Actor[];
  /** The clause is a request addressed to "you" (or a bare imperative) with no named actor: the
   *  message's addressees are meant. */
  toAddressees: boolean;
  /** Mentions at the start of the clause ("@ana, @ben please …"). */
  vocatives: number[];
  /** Blocked as a question for information phrased as a request ("can you tell me …"). */
  info?: boolean;
  /** The clause is a bare imperative ("give me till 3"), with no "you", "please" or named actor. */
  bare?: boolean;
  /** Why the clause cannot be a request, when it cannot. */
  blocked?: 'negated' | 'done' | 'thanks' | 'laughter' | 'question' | 'away';
  /** The words that decided it, for reasons. */
  cue?: string;
}

const M = '@p(\\d+)';
const MENTION_INDEX = /@p(\d+)/g;

/** Verbs that open a bare imperative ("book the room", "chase legal"). */
const IMPERATIVE_VERBS = new Set(
  (
    'add adjust allocate analyse analyze approve arrange assess assign audit balance book brief build bump calculate ' +
    'cancel capture chase check circulate clean close collect compile complete confirm consolidate contact coordinate ' +
    'cover create deal decide define delegate design do document draft drive email escalate estimate export ' +
    'facilitate figure file fill finalise finalize find fix flag follow forward gather get give grab groom handle ' +
    'help host interview investigate invite keep kick lead line log look make manage map merge message model monitor ' +
    'move negotiate nudge onboard order organise organize own pair pick ping plan post prep prepare present price ' +
    'prioritise prioritize process propose publish pull push put raise rank rebaseline rebalance reconcile record ' +
    'refresh remind rename renew reply reschedule research reserve reset resolve respond review rework roll run ' +
    'schedule score send set setup share sign size sort split stack-rank staff start submit summarise summarize sync ' +
    'synthesise synthesize take talk test tidy track triage update upload work write replan re-plan double-check ' +
    'sunset ship deploy loop reach circle hand pass transfer go try shedule resechedule upate updte draw lay block ' +
    'rerun re-run spin clear chase up sanity-check outline collate note jot type stick pop chuck bung whack fire ring ' +
    'knock nail pin lock firm tee rejig stagger prepone postpone distribute nudge gather wrangle herd corral come bring'
  ).split(' '),
);

/** A clause that takes back what came before ("ignore this ^", "scrap that, facilities are doing it"). */
const RETRACTION = /^(?:(?:oh|ah|sorry|actually|wait|update|edit)[ ,:-]+)*(?:ignore (?:this|that|the above|my last|me|above)|scrap that|scratch that|disregard(?: this| that| the above| my last)?|never ?mind|nvm|cancel that|forget (?:that|it|this|about (?:it|that|this))|no longer needed|not needed any ?more|no need any ?more|(?:this|that|it)(?:'s| is) (?:no longer|not) needed)\b(?!\s+(?:the|a|an|my|our|your|his|her|their|this|that|these|those|about)\b)/;

/** True when a clause takes back the requests before it. */
export function retracts(clause: string): boolean {
  return RETRACTION.test(clause);
}

/** Handing something over by calling it theirs. */
const YOURS = /^(?:-\s*)?(?:(?:is )?(?:this|that|it)(?: one)?(?:'s| is)? )?(?:all )?yours\b|\b(?:this|that|it)(?: one)?(?:'s| is) (?:all )?yours\b|\b(?:that'?s|that is|it'?s|it is|that'?d be|this is) (?:you|u)\b|^any chance\b|\b(?:feels|sounds|looks|seems) like (?:one (?:for|of) )?(?:yours|you|u)\b|^(?:you|u) (?:got|take|have|want) (?:this|it)\b|^\^+\s*(?:this|that)\b|^fancy (?:it|this|that)\b|\b(?:could|can|would|will|should) (?:this|that|it) be (?:you|u)\b|\b(?:wanna|want to|fancy) be(?:ing)? the one\b|\bover to (?:you|u)\b/;

/** Pointing people to someone else ("ping @ben for anything on the portal"), read after a clause that says someone is away. */
const REDIRECT_TO = /^(?:(?:so|pls|please|just|otherwise|meanwhile)\s+)*(?:ping|ask|contact|reach out to|message|dm|slack|try|go to|talk to|speak to)\s+@p\d+|^@p\d+\s+(?:is|will be|'s)\s+(?:covering|standing in|the contact|your contact|point)/;

/** True when a clause only points people to someone else; read after a clause where someone is away. */
export function redirectsAfterAway(clause: string): boolean {
  return REDIRECT_TO.test(clause) && !IMPERATIVE_WORK.test(clause);
}

/** A pointer to someone else that still names work to do ("ping @ben to book the room in the meantime"). */
const IMPERATIVE_WORK = /\b(?:to|and)\s+(?:book|send|update|chase|schedule|prepare|prep|write|run|organi[sz]e|arrange|sort|collect|track|log)\b/;

/** True for a verb that opens a request ("book", "chase", "log"). */
export function isRequestVerb(word: string): boolean {
  return IMPERATIVE_VERBS.has(word);
}

/** Words that may come between a volunteer cue and its verb ("I'll also quickly …"). */
const FILLERS = new Set(['also', 'just', 'quickly', 'go', 'ahead', 'and', 'happily', 'then', 'now', 'gladly', 'still', 'try', 'to', 'definitely', 'kindly', 'please', 'pls', 'plz', 'then']);

/** After "I'll …" these do not volunteer for work ("I'll be out", "let me know"). */
const NOT_VOLUNTEERING = new Set([
  'be', 'been', 'have', 'need', 'let', 'know', 'see', 'think', 'join', 'miss', 'wait', 'leave', 'bring', 'believe',
  'guess', 'assume', 'use', 'live', 'survive', 'never', 'not', 'probably', 'maybe', 'admit', 'say', 'tell',
  'ask', 'reply', 'forward', 'confirm', 'answer', 'hear', 'grab', 'eat', 'go', 'come', 'loop',
  // Being in the room is not taking the work on ("I'll sit in but won't take notes").
  'sit', 'attend', 'listen', 'watch', 'observe', 'lurk', 'dial',
  // "will you take over …?" asks someone else: the first word after "will" is who does it.
  'you', 'u', 'ya', 'y\'all',
]);

const LEADING_VOCATIVES = /^(?:(?:hey|hi|hello|yo|ok|okay|so|also|and|actually|fine|right|btw|pls|please|plz|quick one|sorry|(?:a |one |small |quick |big |tiny )?(?:ask|favou?r|request)|(?:friendly |gentle |quick |small |kind )?(?:nudge|reminder|ping|bump)|(?:good )?morning|gm|hiya|one more thing|also one more|heads up|@group|@all)[ ,:-]+)*((?:@p\d+(?:\s*(?:,|and|&|\+)\s*|\s+))*@p\d+)(?:\s*[,:]\s*|\s+|$)/;

const TRAILING_VOCATIVES = /(?:^|\s)((?:@p\d+(?:\s*(?:,|and|&)\s*|\s+))*@p\d+)\s*[?!.]*$/;
const OBJECT_BEFORE =
  /\b(?:to|with|from|for|and|cc|by|about|on|of|than|at|like|ask|asked|tell|told|ping|pinged|remind|chase|chased|nudge|thanks|thank you|ty|thx|via|per|loop in|looping in|include|invite|cc'?d|fyi|congrats|kudos|shoutout|props)\s*[,:]?\s*$/;

const NEGATION =
  /\b(?:no need|(?<!\b(?:ones|that|which|what|those|things|stuff) (?:we|you|they|i) )don'?t need|(?<!\b(?:ones|that|which|what|those|things|stuff) (?:we|you|they|i) )do not need|doesn'?t need|does not need|needn'?t|no longer need\w*|not needed|no action needed|nothing needed|nothing to do|don'?t bother|do not bother|don'?t worry about|do not worry about|never ?mind|nvm|hold off|off the hook|off (?:your|ur) plate|(?<!(?:don'?t|do not|never|not) )forget (?:about )?(?:the|it|that|this|those|these)|scratch that|not required|no longer required|nothing (?:for you|you need) to do|skip (?:the|it|that|this)|(?<!\b(?:so|that|until) (?:we|i|they|people|everyone|folks|you|u) )stop \w+ing|cancel that|ignore (?:that|this|it|the|my)|disregard|not necessary|unnecessary|won'?t be needed)\b/;
/**
 * Someone is away and others are pointed elsewhere ("@ana is off today, ping @ben if anything's
 * urgent"): a notice about who to ask, not a request to do work.
 */
const AWAY = /^(?:(?:fyi|heads up|btw|just so you know|note)[ ,:-]+)?(?:@p\d+|[a-z]+)(?:\s+and\s+(?:@p\d+|[a-z]+))?\s*(?:is|are|'s|'re|will be|'ll be)\s+(?:out|off|away|ooo|on (?:leave|holiday|vacation|pto|sick leave|parental leave|annual leave)|sick|unwell|offline|unavailable|travelling|traveling|at a conference|in (?:all-day )?(?:meetings|workshops|an offsite))\b/;
const REDIRECT = /\b(?:for|if|with)\s+(?:anything|something|questions|anything'?s|it'?s|there'?s anything)?\s*(?:urgent|blocking|pressing|time-sensitive|that can'?t wait|in the meantime|meanwhile)\b|\bin (?:the meantime|(?:her|his|their) absence)\b|\bmeanwhile\b|\buntil (?:she|he|they)(?:'s|'re| is| are) back\b/;
/** "don't book the room", "please don't chase them": telling someone not to, at the start of what is said to them. */
const PROHIBITION = /^(?:(?:pls|please|plz|just|and|but|so|also|ok|okay|hey|actually|oh|seriously|honestly|no|nah|nope|wait)[ ,]+)*(?:don'?t|do not)\s+(?!forget|hesitate)[a-z]/;
const NOT_ANY_MORE = /\b(?:i|we) (?:can'?t|cannot|won'?t|will not|couldn'?t)\b/;

const PAST_VERB = "(?!(?:need|feed|speed|proceed|succeed|exceed|embed|shed|bed|red|seed)\\b)[a-z]+ed|sent|did|made|wrote|took|set up|put|ran|got|built|done|shared|booked|went|had|paid|led|met|kept|found|brought|bought|sorted|signed";
const DONE = new RegExp(
  `\\b(?:already|just) (?:${PAST_VERB})\\b` +
    `|\\b(?:i|we|i'?ve|we'?ve|i have|we have)(?: already| just| finally| also)? (?:${PAST_VERB})\\b` +
    `|\\b(?:is|are|was|were|has been|have been|'s been|got)(?: already| now| all| officially)? (?:done|sent|booked|updated|confirmed|signed|sorted|finished|complete|completed|closed|merged|final|locked|approved|submitted|filed|shared|reconciled|logged|raised|scheduled|set up|in)\\b` +
    `|^(?:done|all done|sorted|finished|completed|fixed|shipped)\\b` +
    `|\\b(?:went through|came in|taken care of|all good|all set|wrapped up)\\b` +
    `|\\b(?:it|this|that)(?:'s| is| was) (?:handled|covered|sorted|in hand)\\b`,
);

const THANKS =
  /\b(?:thanks|thank you|thank u|thnx|thx|ty|tysm|kudos|shout ?out|props|great job|good job|nice job|nice work|great work|amazing work|great stuff|nice one|well done|(?<!(?:would|'d) )appreciate\w*|cheers|bravo|congrats|congratulations|you'?re a legend|you rock|you'?re the best(?! (?:person|one|placed|fit|choice))|lifesaver|legend|love the|love how|looks great|looks good|looks so|lol|haha|lmao)\b|(?:^|\s)\+1\b/;
const LAUGHTER = /^(?:lol|haha|lmao)$/;
const THANKS_IN_ADVANCE = /\b(?:thanks|thank you|thx|ty) in advance\b/;

const QUESTION_START =
  /^(?:quick q(?:uestion)? |q: )?(?:who|who'?s|whos|what|what'?s|whats|when|when'?s|where|where'?s|which|why|how|how'?s|is|isn'?t|are|aren'?t|was|were|do(?! the needful)|does|did|didn'?t|has|have|had|hasn'?t|haven'?t|any|anyone|anybody|is there|are there|should|shall|am)\b/;

const REQUEST_YOU =
  /\b(?:can|could|would|will|cn|cud|wd|cd|cld|can'?t|couldn'?t|won'?t)\s+(?:you|u|ya|y'all)\b|\b(?:reckon|think|suppose) (?:you|u) (?:could|can|might|'d be able to)\b|\b(?:is|would|will) it be possible for (?:you|u) to\b|\bare (?:you|u) (?:ok|okay|alright|all right|happy|free|around|good) (?:to|with)\b|\bbe an? (?:legend|star|gem|hero|love|dear|champ|darling|angel) and\b|\bfancy (?:[a-z]+ing)\b|\b(?:you|u) (?:keen|free) to\b|\b(?:do|would) (?:you|u) have (?:the )?(?:time|a sec|a second|a minute|a min|bandwidth|capacity|a chance|cycles) to\b|\bhave (?:you|u) got (?:time|a sec|a minute|bandwidth|capacity) to\b|\bare (?:you|u) able to\b|\bany chance (?:you|u)\b|\bis it (?:possible|poss|poss\.) for (?:you|u) to\b|\b(?:are )?(?:you|u) (?:ok|okay|alright|all right|happy|free|good|able) (?:to|with)\b|\b(?:can|could|may) i (?:ask|get) (?:you|u) to\b|\bif (?:you|u) could\b|\b(?:would|'d) appreciate (?:it )?if (?:you|u)\b|\bwould (?:you|u) be (?:ok|okay|happy|willing|up for)\b|\b(?:you'?ve|you have|u'?ve) been (?:volunteered|nominated|voted|picked|chosen|roped in)\b|\b(?:y'?all|you'?re|you are|ur|u r|you|u) (?:good|grand|ok|okay|fine|alright|happy) to (?:own|chair|run|take|do|handle|host|lead|cover|send|book|update|keep|pick up|look after)\b|\bi wonder (?:whether|if) (?:it might be possible for (?:you|u) to|(?:you|u) (?:could|might|would))\b|\b(?:i'?d|i would|we'?d|we would) be (?:so |very |really )?(?:grateful|thankful|obliged) if (?:you|u)(?:'d| would| could)?\b|\bcame from (?:you|u)\b|\bare (?:you|u) (?:ok|okay|happy|alright|all right|fine) (?:being|to be) the one\b|^(?:can|could) we (?:get|have) (?!(?:a |an )?(?:quick )?(?:chat|call|sync|meeting|catch-?up|word|minute|moment|look)\b)|\bhow about (?:you|u)\b|\bwhy don'?t (?:you|u)\b|\b(?:you|u) up for\b|\b(?:would it be|is it|would that be) (?:mad|crazy|ok|okay|cheeky|too much|a big ask|alright) to ask (?:you|u)\b|\b(?:maybe|perhaps) (?:you|u) (?:could|can|might)\b|\bare (?:you|u) (?:right|sweet|fine) to\b|\b(?:can|could|may) i leave\b.{1,60}\bwith (?:you|u)\b|\b(?:you|u) (?:normally|usually|always|typically) (?:do|handle|run|own|send|take care of|look after|sort) (?:it|this|that|them)\b|\b(?:you|u) (?:still )?(?:have|'ve got|got|own|hold) the action(?: item)? to\b|\b(?:ok|okay|alright|fine|cool|all right) if i (?:leave|hand|pass|give)\b.{1,60}\b(?:with|to) (?:you|u)\b|\b(?:would it be|is it|would that be)\b[^?.!]{0,40}\bto ask (?:you|u) to\b|\b(?:would|'d|it'?d) be (?:ace|great|amazing|brilliant|good|lovely|awesome|fab|grand|handy|helpful|super) if (?:you|u) (?:could|can|would)\b|^(?:are )?(?:you|u) keen\b|\bdo me a (?:favou?r|solid|kindness)\b|\b(?:wanna|want to|d'?you want to|do you want to) (?:own|take|run|do|handle|grab|pick up|chair|look after)\b|^(?:(?:is it|would it be|are (?:you|u)) )?ok(?:ay)? (?:if (?:you|u)|to|for (?:you|u) to) (?:pick up|take|run|own|do|handle|chair|cover|grab|look after|send|book|update|draft|prepare)\b|\bwhat do (?:you|u) (?:reckon|think) (?:about|of) (?:owning|taking|running|doing|handling|picking up|chairing)\b|\bi'?m (?:assigning|giving|handing) (?:you|u)\b|\b(?:you|u) said (?:you'?d|you would|u'?d) (?:handle|do|sort|take|own|send|book|run)\b|\blet'?s have (?:you|u)\b|\b(?:i'?ll|i will|i'?m going to|i'?m gonna|gonna) leave\b.{1,60}\bwith (?:you|u)\b|^(?:actually[ ,-]+|ok[ ,-]+|so[ ,-]+)*(?:you|u) (?:take|handle|own|run|grab|pick up|look after|cover|drive|chair|host)\b/;
/**
 * Questions for information phrased as a request: "can you tell me when …", "could you let me know
 * who …", "can you point me to …", "can you explain how …". The asker wants an answer, not work done.
 * "Can you tell the vendor …" or "remind the team to …" ask someone to act and are not matched.
 */
const INFO_REQUEST =
  /\b(?:can|could|would|will|cn|cud|wd|cd|cld)\s+(?:you|u|ya)\s+(?:please\s+|pls\s+|quickly\s+|just\s+|remind\s+me\s+and\s+)?(?:(?:tell|remind|show|teach|ping|update|message|dm)\s+(?:me|us)\s+(?:how|what|what'?s|when|when'?s|where|where'?s|which|who|who'?s|whom|why|whether|if|again)\b|(?:tell|remind|show)\s+(?:me|us)\s+(?:the|a)\s+(?:way|link|url|name|date|status|deadline|answer|process)\b|let\s+(?:me|us)\s+know\b|(?:send|share|drop|post|paste|dm)\s+(?:me\s+|us\s+)?(?:the\s+|a\s+)?(?:link|url)\b|(?:point|direct|link|send)\s+(?:me|us)\s+(?:to|at|toward|towards)\b|fill\s+(?:me|us)\s+in\b|explain(?:\s+to\s+(?:me|us))?\s+(?:how|what|why|where|when|who|which|whether|if)\b|clarify\s+(?:for\s+(?:me|us)\s+)?(?:how|what|why|where|when|who|which|whether|if)\b|confirm\s+(?:for\s+(?:me|us)\s+)?(?:when|where|who|what|which|whether|if)\b)/;
/** After an information question, work is still asked for when the answer is about the addressee's own
 *  work ("… when you'll have it ready", "… once you've sent it") or a second request follows ("… and update the timeline"). */
const INFO_BUT_WORK = /\b(?:you|u)(?:'ve|'ll| have| will)\b|\bonce (?:you|u)\b|\b(?:and|then|also)\s+(?:also\s+|then\s+)?(?:pls\s+|please\s+)?([a-z][a-z'-]*)/;
/** "make sure the timeline is updated": the passive is the goal, not a report that it is done. */
const GOAL = /^(?:(?:pls|please|plz|kindly|also|and|just)\s+)*(?:make sure|ensure|see to it|check that|double-check that|confirm that)\b/;
/** "you'll send the summary?": a question that confirms who does it. */
const YOU_WILL = /^(?:(?:so|and|then|ok|okay|grand|great|cool)[ ,]+)*(?:you|u)(?:'ll| will)\s+(?!be\b|need\b|have\b|know\b|see\b)[a-z]/;
/** Forms that put work on "you" whatever else the clause reports ("needs your sign-off — flights came in over"). */
const ASKS_OF_YOU = /\bneeds? (?:your|ur)\b(?! help)|\((?:you|u)\)|\b(?:i'?ve|we'?ve|i have|we have|i'?m|we'?re|i am|we are) (?:put|putting|signed|signing|pencilled|penciled|pencilling|nominated|nominating|volunteered|volunteering) (?:you|u) (?:down|in|up)(?:\s*$| as (?:the |a |our )?(?:named )?(?:contact|owner|lead|point|poc|dri|approver|signatory|organi[sz]er|host|chair|coordinator)| (?:to|for) (?!the (?:meeting|call|session)\b))/;
const MIND = /\b(?:would you|do you|you|u)\s+mind\b|^mind\b/;
const NEED_YOU = /\b(?:need|want|like|love)\s+(?:you|u)\s+to\b|\b(?:i|we)(?:'ll| will)? need (?:you|u)\b/;
const PLEASE = /\b(?:please|pls|plz|kindly)\b/;
const YOU_MODAL =
  /\b(?:you|u)(?:'ll| will| should| need to| must| have to|'re going to| are going to|'re on| are on|'re up| are up|'re in charge| are in charge| own)\b|\b(?:you|u)(?:'re| are|'d be| would be) (?:best|well|better|ideally) (?:placed|positioned|suited) to\b|\b(?:you|u)(?:'re| are) the (?:best|right) (?:person|one) to\b|\b(?:ur|you'?re|u r|youre) (?:the )?(?:best|right|obvious|perfect) (?:person|one|fit) (?:to|for)\b|\b(?:still |also |really )?needs? (?:your|ur)\b(?! help)|\bneeds? [^.?!]{1,60}\bfrom (?:each of |both of |all of )?(?:you|u)(?: both| two)?\b|(?:'s| is| are) with (?:you|u)\s*[?!.]*$|\bover to you\b|\byour turn\b|\b(?:this|that|it)(?: one)?(?:'s| is) (?:all )?(?:yours|on you|for you)\b|\b(?:is|are) (?:all )?yours\b|^(?:(?:is )?(?:this|that|it) )?yours\b|\b(?:i|we)(?:'d| would)? (?:need|want|would like|'d like|like|love|'d love|would love) (?:the|a|an|your|ur|this|that|those|these)\b|^(?:(?:i )?want|need) (?:your|ur)\b|\b(?:live|sit|stay|be|rest) with (?:you|u)(?: going forward| from now on| from here)?\b|\b(?:you|u)(?:'ve| have)? got the pen\b|\b(?:you|u) (?:hold|have|own) the pen\b|\b(?:you|u)(?:'re| are| r) (?:doing|presenting|running|chairing|hosting|facilitating|leading|owning|taking|covering|handling|sending|preparing|writing) (?:the|this|that|our|a|an|it|next|tomorrow|today)\b|\b(?:you|u)(?:'re| are) (?:down|up|pencil+ed in|penciled in|scheduled|booked) (?:to|for)\b|\bi'?d (?:rather|prefer|like it if) (?:you|u) (?:own|owned|kept|keep|took|take|ran|run|did|do|held|hold|handled|handle|drove|drive|led|lead|looked after|look after)\b|\ball yours\b|\b(?:you'?re|ur|you are|u r) (?:the )?(?:owner|dri|lead|point person|poc|named contact|contact) (?:for|of|on)\b|\b(?:you|u)(?:'ve| have)? got (?:the|this|that) [^.?!]{1,60}\b(?:right|yeah|yes|correct|still)\b|\b(?:you|u)(?:'ve| have)? got [^.?!]{1,50}\b(?:this|next) (?:week|month|sprint|quarter|time)\b|\b(?:that'?s|thats|that is|it'?s|this is) (?:you|u)(?: this| next| for)?\b|\b(?:you|u) (?:still )?(?:have|'ve got|got) [^.?!]{1,60}\bon (?:your|ur) (?:list|plate|to-?do)\b|\b(?:lands|landing|falls|is|sits) (?:on|in) (?:your|ur) (?:desk|plate|lap|court|inbox)\b|^(?:(?:i )?(?:need|want)) (?:the|those|these)\b/;
const EXPLICIT_ACTOR: ReadonlyArray<RegExp> = [
  new RegExp(`\\b(?:action items?|ai|todo|to-do|owners?|assignee|dri|responsible|point person|poc)\\b[^@\\n]{0,50}?[:\\-]\\s*${M}`, 'g'),
  new RegExp(`\\b(?:let'?s|let us|can we|could we|we should|we'?ll|please|pls)\\s+(?:have|get|ask)\\s+${M}`, 'g'),
  new RegExp(`\\b(?:need|needs|want|wants|like|love|i'?d like)\\s+${M}\\s+to\\b`, 'g'),
  new RegExp(`\\b(?:assign|assigning|assigned|reassign|reassigning|reassigned)\\s+${M}\\s+(?:to|as|on|for|the|a|an|this|that|these|those|all)\\b`, 'g'),
  new RegExp(`\\bif\\s+${M}\\s+(?:could|can|would)\\s+(?=[a-z])`, 'g'),
  new RegExp(`(?:^|\\s)(?:can|could|would|will)\\s+${M}\\s+(?!be\\s+(?!able))(?=[a-z])`, 'g'),
  new RegExp(`\\b(?:is|are|falls|fall|goes|go)\\s+(?:on|to)\\s+${M}\\s*$`, 'g'),
  new RegExp(`\\b(?:assigned|given|allocated)\\s+to\\s+${M}`, 'g'),
  new RegExp(`${M}\\s*,?\\s+(?:to|will|should|needs? to|must|has to|is going to|'ll|can you|could you|would you|you'?re (?:on|up|in charge)|you are (?:on|up|in charge)|is on|owns)\\s+(?!be\\b|need\\b|needs\\b|want\\b|like\\b|love\\b|have\\b|know\\b|see\\b)(?=[a-z])`, 'g'),
  new RegExp(`\\b(?:needs?|has|have|should|must|is|are|'s|got|will|shall)\\s+(?:to\\s+)?be\\s+[a-z]+(?:\\s+[a-z]+){0,3}\\s+by\\s+${M}`, 'g'),
  // "… needs to be circulated to the district partners by @x", "needs reconciling by @x", "pending with @x".
  new RegExp(`\\b(?:needs?|has|have|should|must|is|are|'s|got|ought)\\s+(?:to\\s+)?be\\s+[a-z]+(?:\\s+[^\\s.?!;]+){4,8}?\\s+by\\s+${M}`, 'g'),
  new RegExp(`\\bneeds?\\s+[a-z]+ing\\b(?:\\s+[^\\s.?!;]+){0,6}?\\s+by\\s+${M}`, 'g'),
  // "Could the RAID be refreshed by @x before the QBR?": a request as a passive question.
  new RegExp(`\\b(?:could|can|would|will)\\s+(?:[^\\s.?!;]+\\s+){1,10}?be\\s+[a-z]+\\s+(?:[^\\s.?!;]+\\s+){0,2}?by\\s+${M}`, 'g'),
  new RegExp(`\\b(?:pending|sitting|waiting|stuck)\\s+(?:with|on)\\s+${M}`, 'g'),
  new RegExp(`\\b(?:meant|supposed|due|going)\\s+to\\s+come\\s+from\\s+${M}`, 'g'),
  new RegExp(`\\bneeds?\\s+to\\s+(?:go|come|be sent)\\b[^.?!;]{0,40}?\\bfrom\\s+${M}`, 'g'),
  new RegExp(`\\b(?:is|are|'s|sits|lies)\\s+(?:on|with)\\s+${M}\\s+(?:per|as per|according to|from|until|till|this|for)\\b`, 'g'),
  new RegExp(`\\b(?:give|giving|moving|move|assign|assigning|reassign\\w*)\\b.*?\\bto\\s+${M}`, 'g'),
  new RegExp(`^${M}\\s+-\\s+(?=[a-z])`, 'g'),
  // "… kindly prepare the weekly MIS", in the middle of a clause: the name right before a "please" is who is asked.
  new RegExp(`(?<=[a-z0-9:,-]\\s+)${M}\\s*,?\\s+(?:please|pls|plz)\\s+(?=[a-z])`, 'g'),
  // "The resource plan is needed by Friday - @x please": a name and a please closing the clause.
  new RegExp(`(?<=[a-z0-9:,-]\\s+)${M}\\s*,?\\s+(?:please|pls|plz)\\s*[!.]*$`, 'g'),
  // "I'd rather @x kept the dependency log", "I think that should be @x", "are all @x's from the 1st".
  new RegExp(`\\bi'?d (?:rather|prefer|like it if)\\s+${M}\\s+(?:own|owned|kept|keep|took|take|ran|run|did|do|held|hold|handled|handle|looked after|look after)\\b`, 'g'),
  new RegExp(`\\b(?:should|would|will|has to|needs to|ought to) be\\s+${M}\\s*(?:$|[,.;!?(]|\\s+(?:this|next|from|for|again|then|now|since|as)\\b)`, 'g'),
  new RegExp(`\\b(?:is|are|'s)\\s+(?:all\\s+)?${M}\\s*'s\\b`, 'g'),
  new RegExp(`\\ball yours\\s+${M}`, 'g'),
  new RegExp(`\\b(?:let'?s|can we|we should|i'?ll|i will|i'?m going to)\\s+(?:make|name|appoint|put)\\s+${M}\\s+(?:the\\s+|as\\s+(?:the\\s+)?)?(?:owner|dri|lead|responsible|point person|poc|in charge)\\b`, 'g'),
  new RegExp(`${M}\\s+(?:has|have|'s)\\s+(?:agreed|offered|volunteered|kindly agreed)\\s+to\\b`, 'g'),
];

const SELF_CUE =
  /(?:\b(?:i'?ll|i will|ill|i'?m going to|i am going to|im going to|i'?m gonna|imma|i shall|i can|i could|i'?d be happy to|i'?m happy to|happy to|let me|lemme|i volunteer to|i'?ll happily)|^(?:(?:yep|yes|yeah|yup|sure|ok|okay|np|no worries|absolutely|of course|can do|ugh sorry|sorry)[,!. ]+)*(?:gonna|will|going to|i'?m off to|off to))\s+([a-z][a-z'-]*)(?:\s+([a-z][a-z'-]*))?(?:\s+([a-z][a-z'-]*))?/;
const SELF_FIXED =
  /\b(?:leave (?:it|this|that|(?:the|our) [a-z0-9 '&+/-]+?) (?:with|to) me|i'?m on (?:it|this|that)|i'?ve got (?:it|this)|i got (?:it|this)|assign(?:ing)? (?:it |this |that )?(?:to )?myself|i'?ll (?:take|grab|have) (?:it|this|that)(?: one)?|(?:can|could|shall|should) i (?:take|grab|own|do|handle|pick up|run|book|send|write|update|chase)|i'?m (?:taking|picking up|handling|owning|grabbing) |i'?ll be (?:doing|taking|handling|running|owning|sending|updating|booking|chasing|writing)|dibs on|(?:reminder|note) to self)\b|^on it\b|^(?:i'?m |ok |yep |sure )?taking (?:this|it|that)(?: one)?\b|\b(?:i'?ll|i will|i can|i could|happy to|i'?m happy to|let me|lemme) be (?:the )?(?:scrum master|sm|one (?:to|who|[a-z]+ing)|owner|dri|host|chair|facilitator|point person|note-?taker|release (?:manager|captain|conductor)|coordinator)\b|\b(?:ok|okay|alright|fine) (?:if|for) (?:i|me to) (?:take|own|do|run|handle|grab|pick up|chair)\b|\bwill come from me\b|\b(?:(?:it|this|that)'?s|is) mine\b|^(?:yep |yes |yeah |ok )?mine\b/;
/**
 * Handing work away: "hand X over to @pj", "can you delegate X to @pj?", "brief @pj so they can take
 * over X". The work goes to @pj, not to whoever is asked to hand it over (nor to the author).
 */
const HAND_AWAY: ReadonlyArray<RegExp> = [
  new RegExp(`\\b(?:hand|hands|handing|handed|pass|passing|passed|delegate|delegating|delegated|transfer|transferring|offload|offloading|over|off)\\b.*?\\bto\\s+${M}`, 'g'),
  new RegExp(`\\b(?:brief|briefing|onboard|prep|walk|ask|tell|get)\\s+${M}\\s+(?:so (?:that )?(?:they|he|she|@p\\d+) (?:can|could|will|are able to)|to|through [a-z ]+ so (?:they|he|she) (?:can|could))\\s+(?:take over|take on|pick up|own|run|handle)\\b`, 'g'),
];

/** "ask @raj to …", "get @raj to …": the work goes to @raj, whoever is asked to pass it on. */
const RELAY = new RegExp(`\\b(?:ask|asking|get|getting|have|having|tell|telling)\\s+${M}\\s+to\\b`, 'g');
const SELF_HANDOFF = new RegExp(`\\b(?:i'?ll|i will|let me)\\s+(?:ask|have|get|tell)\\s+${M}`);

/**
 * Every match of a global pattern in text, like `[...text.matchAll(re)]` but without the copy of the
 * regex that `matchAll` makes on each call. The patterns used here all need a mention, so none can
 * match the empty string (which would need lastIndex to be advanced by hand).
 */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m);
  return out;
}

/** Mention indexes in a run of vocatives ("@p0, @p2 and @p1"). */
function mentionIndexes(text: string): number[] {
  return allMatches(MENTION_INDEX, text).map((m) => Number(m[1]));
}

function firstWord(text: string): string {
  const m =
    /^(?:\d+[.)]\s*)?(?:(?:also|and|then|just|pls|please|plz|kindly|quickly|btw|now|maybe|ideally|asap|don'?t forget to|do not forget to|remember to|make sure to|make sure you|be sure to|while you'?re at it|if you (?:have|get) (?:a )?(?:sec|min|minute|moment|chance|time)|when you get a (?:sec|min|minute|moment|chance)|when you can|if possible|at some point|first|next|finally)\s+)*([a-z][a-z'-]*)/.exec(
      text,
    );
  return m ? m[1] : '';
}

function volunteers(clause: string): string | undefined {
  const fixed = SELF_FIXED.exec(clause);
  if (fixed) return fixed[0];
  const m = SELF_CUE.exec(clause);
  if (!m) return undefined;
  const words = [m[1], m[2], m[3]].filter((w): w is string => w !== undefined);
  const verb = words.find((w) => !FILLERS.has(w));
  if (verb === undefined || NOT_VOLUNTEERING.has(verb)) return undefined;
  if (/^(?:not|never|n't)$/.test(verb)) return undefined;
  // "I'll keep you posted", "I'll get back to you": a promise to tell, not work taken on.
  if (/^(?:keep|get)$/.test(verb) && /^(?:(?:you|u|everyone|y'all|ya|you all|people|folks) (?:posted|updated|informed|in the loop)|back)\b/.test(clause.slice(m.index + m[0].indexOf(verb) + verb.length).trim())) return undefined;
  return m[0];
}

/** Judges one clause. `fromBot` clauses only count tracker-style assignments (handled elsewhere). */
export function clauseCues(clause: string, isQuestion: boolean): ClauseCues {
  // Vocatives, named actors, hand-overs and relays all need a mention: without one, skip those patterns.
  const hasMention = clause.includes('@p');
  const voc = hasMention ? LEADING_VOCATIVES.exec(clause) : null;
  let vocatives = voc ? mentionIndexes(voc[1]) : [];
  let rest = voc ? clause.slice(voc[0].length) : clause;
  if (!voc && hasMention) {
    // "can you book the room, @ana?": a name at the very end addresses the clause too, unless it is
    // the object of a preposition ("… with @raj", "… from @ana").
    const trailing = TRAILING_VOCATIVES.exec(clause);
    if (trailing && !OBJECT_BEFORE.test(clause.slice(0, trailing.index))) {
      vocatives = mentionIndexes(trailing[1]);
      rest = clause.slice(0, trailing.index).trim();
    }
  }

  const away = AWAY.test(clause) && !REQUEST_YOU.test(rest) && !PLEASE.test(rest) && !IMPERATIVE_VERBS.has(firstWord(rest));
  if (away) return { actors: [], toAddressees: false, vocatives, blocked: 'away', cue: AWAY.exec(clause)?.[0] };
  if (REDIRECT.test(clause) && !IMPERATIVE_WORK.test(clause) && !REQUEST_YOU.test(rest)) return { actors: [], toAddressees: false, vocatives, blocked: 'away', cue: REDIRECT.exec(clause)?.[0] };
  // (PROHIBITION needs "don't" or "do not", so "do".)
  const neg = NEGATION.exec(clause) ?? (clause.includes('do') ? PROHIBITION.exec(rest) : null) ?? NOT_ANY_MORE.exec(clause);
  if (neg) return { actors: [], toAddressees: false, vocatives, blocked: 'negated', cue: neg[0] };
  // "can you tell me when …" asks for an answer, not for work.
  const info = INFO_REQUEST.exec(rest);
  if (info) {
    const after = INFO_BUT_WORK.exec(rest.slice(info.index + info[0].length));
    if (!after || (after[1] !== undefined && !IMPERATIVE_VERBS.has(after[1]))) {
      return { actors: [], toAddressees: false, vocatives, blocked: 'question', cue: info[0], info: true };
    }
  }
  const request = REQUEST_YOU.exec(rest) ?? (rest.includes('mind') ? MIND.exec(rest) : null) ?? NEED_YOU.exec(rest);
  const explicit: number[] = [];
  let explicitCue: string | undefined;
  // Every explicit pattern names someone: skip them all for clauses without a mention.
  for (const re of hasMention ? EXPLICIT_ACTOR : []) {
    // Every match, from the start (see allMatches; an exec loop without the array, as most find none).
    re.lastIndex = 0;
    for (let m = re.exec(clause); m !== null; m = re.exec(clause)) {
      explicit.push(Number(m[1]));
      explicitCue ??= m[0].replace(/@p\d+/g, '@someone').trim();
    }
  }

  const verb = firstWord(rest);
  const imperative = IMPERATIVE_VERBS.has(verb);
  const asks = request !== null || explicit.length > 0 || imperative;
  // Thanks and praise hand nothing over, unless the same clause also asks for something.
  if (!asks && !(clause.includes(' in advance') && THANKS_IN_ADVANCE.test(clause))) {
    const thanks = THANKS.exec(clause);
    // "lol" hands nothing over either, but it is a laugh, not thanks.
    // ("haha I'll do it": a laugh before taking something on takes it on all the same.)
    if (thanks && !(LAUGHTER.test(thanks[0]) && volunteers(rest.slice(rest.indexOf(thanks[0]) + thanks[0].length)) !== undefined)) {
      return { actors: [], toAddressees: false, vocatives, blocked: LAUGHTER.test(thanks[0]) ? 'laughter' : 'thanks', cue: thanks[0] };
    }
  }

  // Handing work away goes to the new owner only ("can you hand the logistics over to @pj?").
  if (hasMention) {
    const away = new Set<number>();
    let awayCue: string | undefined;
    for (const re of HAND_AWAY) {
      re.lastIndex = 0;
      for (let m = re.exec(clause); m !== null; m = re.exec(clause)) {
        away.add(Number(m[1]));
        awayCue ??= m[0].replace(/@p\d+/g, '@someone');
      }
    }
    if (away.size > 0) return { actors: [...away], toAddressees: false, vocatives, cue: awayCue };
  }
  const handoff = hasMention ? SELF_HANDOFF.exec(clause) : null;
  if (handoff) return { actors: [Number(handoff[1])], toAddressees: false, vocatives, cue: handoff[0] };
  const relayed = hasMention ? allMatches(RELAY, clause) : [];
  if (relayed.length > 0) {
    return { actors: [...new Set(relayed.map((m) => Number(m[1])))], toAddressees: false, vocatives, cue: relayed[0][0].replace(/@p\d+/g, '@someone') };
  }
  // Offers ("can I take the notes?") before questions: they are questions that volunteer.
  const offer = volunteers(rest);
  // "could you chase them so I can close the timesheets?": the request comes first and is the point;
  // what the author does afterwards is theirs already.
  const offerFollowsRequest = offer !== undefined && request !== null && rest.indexOf(request[0]) < rest.indexOf(offer);
  if (offer && !offerFollowsRequest && !NOT_ANY_MORE.test(rest)) return { actors: ['author'], toAddressees: false, vocatives, cue: offer };

  // "… we need someone to keep the plan updated. @ana?": a name alone, asked, is who is put forward.
  if (rest.trim().length === 0 && vocatives.length > 0 && isQuestion) return { actors: vocatives, toAddressees: false, vocatives, cue: PUT_FORWARD };
  // "yours?", "this one's yours I think?": handing over as a question is still handing over.
  const handsOver = YOURS.test(rest) || /\b(?:live|sit|stay|rest) with (?:you|u)\b/.test(rest);
  if (!request && !handsOver && explicit.length === 0 && !YOU_WILL.test(rest) && (QUESTION_START.test(rest) || (isQuestion && !imperative))) {
    return { actors: [], toAddressees: false, vocatives, blocked: 'question', cue: rest.split(' ').slice(0, 3).join(' ') };
  }
  // Reports of work already done ("I already sent the invites") hand nothing over.
  // (Only read when nobody is named or asked: the report blocks nothing else.)
  const done = explicit.length > 0 || request !== null || GOAL.test(rest) || ASKS_OF_YOU.test(rest) ? null : DONE.exec(rest);
  if (done) return { actors: [], toAddressees: false, vocatives, blocked: 'done', cue: done[0] };
  if (explicit.length > 0) {
    // "@ben @sam can you two …": a named actor among the vocatives brings the other vocatives along.
    const actors = explicit.some((a) => vocatives.includes(a)) ? [...vocatives, ...explicit] : explicit;
    return { actors: [...new Set(actors)], toAddressees: false, vocatives, cue: explicitCue };
  }


  const please = PLEASE.exec(rest);
  // (ASKS_OF_YOU's forms put work on "you" too: "(you)", "I've put you down to …".)
  const you = YOU_MODAL.exec(rest) ?? ASKS_OF_YOU.exec(rest);
  const cue = request?.[0] ?? you?.[0] ?? (handsOver ? YOURS.exec(rest)?.[0] ?? 'yours' : undefined) ?? (imperative ? verb : undefined) ?? please?.[0];
  if (cue === undefined) return { actors: [], toAddressees: false, vocatives };
  return { actors: vocatives, toAddressees: vocatives.length === 0, vocatives, cue, bare: request === null && you === null && please === null && !handsOver };
}
