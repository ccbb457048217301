import { normalize } from './normalize';

/**
 * A thread reply that says yes to what the parent asked of its author: "sure, sending after lunch",
 * "ok fine", "booking it now", "claro, np", "mach ich". The reply names no work and asks nobody, so the
 * rules read it as chatter; the work is the parent's, and it now sits with whoever said yes.
 *
 * Also a reply that volunteers for work the parent asked of nobody in particular ("who can sort the
 * hotels?" → "I can", "kann ich machen").
 */

/** Opening words of a yes, in the registers seen in real teams (texting, British, Spanish, German, Pidgin). */
const YES =
  /^(?:(?:ok(?:ay)?|k|kk|sure|yes|yep|yeah|yup|ya|yea|fine|alright|all right|np|no problem|no worries|no prob|will do|wilco|on it|can do|got it|ack|noted|of course|absolutely|definitely|happy to|glad to|consider it done|leave it with me|sounds good|roger|for sure|sure thing|i can|i will|i'll|ill|i'll do it|i got it|i've got it|ive got it|i'm on it|im on it|claro|va|vale|sí|si|dale|listo|de una|ok dokey|okie|okey|ja|jo|klar|gerne|geht klar|mach ich|mache ich|ich mache|ich mach|kann ich(?: machen)?|übernehme ich|d'accord|oui|no wahala|i go do am|i dey there|sharp|me|me please|me pls|dibs|mine|go on then|go on|that'?s me|count me in|jasne|spoko|dobra|joo|juu|hoidan|otan|selvä|넵|네|알겠습니다|제가 할게요|할게요)(?![\p{L}'])|:(?:\+1|thumbsup|ok_hand|white_check_mark|saluting_face|muscle):|👍|👌|✅)/u;

/** A reply whose first word is work under way ("sending after lunch", "booking it", "raising the PO now"). */
const UNDER_WAY =
  /^(?:(?:ok(?:ay)?|sure|fine|yes|yep|ugh|meh|argh|right)[ ,.!]+)*(?!(?:thinking|wondering|according|nothing|something|anything|everything|morning|evening|during|being|having|seeing|feeling|looking forward|hoping|guessing|assuming|waiting|bring|thing|king|ring|sing|wing|ping me)\b)[a-z]+ing\b/;

/** A yes that is not one: declining, handing it on, asking back, or saying it is already done. */
const NOT_YES =
  /\b(?:can'?t|cannot|can not|won'?t|wont|not me|not mine|not my|isn'?t mine|no time|no capacity|no bandwidth|too much|pass on|i'?ll pass|rather not|ask @p\d+|@p\d+ (?:can|could|should|will)|instead|nope|not today|not this week|busy|ooo|out of office|on leave|sorry|already|did it|done|sent it|booked it already|why me|who else|not sure|kein|keine zeit|nicht|no puedo|no me toca)\b|^(?:no|nah|nein|done|sent|booked|finished)\b|\?\s*$/;

/** Words of a reply too long to be a plain yes: a long reply is judged as its own message. */
const MAX_REPLY_WORDS = 24;

/** True when a reply says yes to what was asked ("sure, sending after lunch"), reading the reply's normalised text. */
export function saysYes(replyText: string): boolean {
  const text = normalize(replyText).text.replace(/^(?:@p\d+[ ,:]*)+/, '').trim();
  if (text.length === 0 || text.split(/\s+/).length > MAX_REPLY_WORDS) return false;
  if (NOT_YES.test(text)) return false;
  return YES.test(text) || UNDER_WAY.test(text);
}

/** A parent that asks nobody in particular ("who can sort the hotels?", "any volunteers for the rota?"). */
const OPEN_ASK = /\b(?:who(?:'s| is| can| will| wants)?|anyone|anybody|someone|somebody|volunteers?|any takers|wer)\b/;

/** True when a parent asks nobody in particular for something, reading its normalised text. */
export function asksAnyone(parentText: string): boolean {
  return OPEN_ASK.test(normalize(parentText).text);
}
