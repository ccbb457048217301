import { isProjectCategory, type Category, type ProjectCategory } from '../categories';
import type { WorkspaceWords } from '../types';
import { LEXICON } from './lexicon';
import type { Hit } from './matcher';

/**
 * A workspace's own word lists, laid over the lexicon: phrases its admins say always count as
 * project work, and phrases that never do. A listed phrase wins over the lexicon's words it overlaps,
 * and its hit says where it came from, so the reasons can name the list.
 */

/** Scans normalised text for work phrases (the lexicon, plus a workspace's lists when it has any). */
export type Scan = (text: string) => Hit<Category>[];

/** How heavy a listed project phrase is: enough to flag on its own, as the admin asked. */
const LISTED_WEIGHT = 2;
/** Phrases are short; longer entries are cut (an admin pasting a paragraph should not slow every message). */
const MAX_PHRASE_CHARS = 80;
const MAX_PHRASES = 500;

interface Listed {
  re: RegExp;
  /** Category by lower-cased phrase; null for "never project work". */
  category: Map<string, ProjectCategory | null>;
}

const compiled = new WeakMap<WorkspaceWords, Listed | null>();

/** A phrase as the classifier sees text: lower case, single spaces, no markup. */
export function normalisePhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[*_~`"“”]+/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_PHRASE_CHARS);
}

/** The project category a phrase's own words suggest, else follow-ups (the most general coordinating work). */
function inferCategory(phrase: string): ProjectCategory {
  for (const hit of LEXICON.scan(phrase)) if (hit.cat !== null && isProjectCategory(hit.cat)) return hit.cat;
  return 'follow_up';
}

function compile(words: WorkspaceWords): Listed | null {
  const category = new Map<string, ProjectCategory | null>();
  for (const entry of (words.project ?? []).slice(0, MAX_PHRASES)) {
    const phrase = normalisePhrase(typeof entry === 'string' ? entry : entry.phrase);
    if (phrase.length === 0) continue;
    const given = typeof entry === 'string' ? undefined : entry.category;
    category.set(phrase, given !== undefined && isProjectCategory(given) ? given : inferCategory(phrase));
  }
  // "Never" wins over "always" for the same phrase: an admin who listed both meant the correction.
  for (const entry of (words.notProject ?? []).slice(0, MAX_PHRASES)) {
    const phrase = normalisePhrase(entry);
    if (phrase.length > 0) category.set(phrase, null);
  }
  if (category.size === 0) return null;
  const alternatives = [...category.keys()]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s,-]+'));
  return { re: new RegExp(`(?<![a-z0-9@])(?:${alternatives.join('|')})(?![a-z0-9])`, 'g'), category };
}

/** Lists compiled by content too, for callers that build a new lists object per message (a few workspaces' worth). */
const byContent = new Map<string, Listed | null>();
const MAX_BY_CONTENT = 64;

function listedFor(words: WorkspaceWords): Listed | null {
  let listed = compiled.get(words);
  if (listed === undefined) {
    const key = JSON.stringify([words.project ?? [], words.notProject ?? []]);
    listed = byContent.get(key);
    if (listed === undefined) {
      listed = compile(words);
      // The oldest entry goes first (a Map keeps insertion order).
      if (byContent.size >= MAX_BY_CONTENT) byContent.delete(byContent.keys().next().value as string);
      byContent.set(key, listed);
    }
    compiled.set(words, listed);
  }
  return listed;
}

/**
 * Research with customers or players, named anywhere in the text: booking, inviting or running
 * sessions for it is discovery, not meeting logistics (the seeds: setting up customer interviews is
 * the product manager's own work).
 */
const RESEARCH =
  /\b(?:interviews?|interviewing|playtests?|play-?testing|usability|user tests?|user testing|concept (?:tests?|testing|demos?|sessions?|validation|walkthroughs?)|research (?:sessions?|participants|calls?)|participants|screener|recruit(?:ed|ing|s)?|feedback sessions?|focus groups?|diary stud(?:y|ies)|discovery (?:calls?|sessions?)|to validate|validate the|see if (?:the|they|it|our)\b[^.?!]{0,40}\b(?:lands|works|resonates|makes sense))\b|\b(?:see|check|test|learn|understand|find out|hear) (?:if|whether|what|why|how|where) (?:they|people|users|customers|it|the (?:new|concept|copy|tiers|messaging|flow|prototype))\b|\bwhat (?:put|puts|turned|turns) them off\b|\bwhy (?:did|do) they (?:drop|leave|churn|stop|cancel|quit)\b|\b(?:calls?|sessions?|demos?|chats?|time|mins|minutes) (?:with|w\/?) (?:\d+(?:-\d+)? |a few |some |a couple of |couple of |two |three |four |five |six )?(?:[a-z'-]+ ){0,3}(?:users?|customers?|clients?|coaches|players|testers|merchants|sellers|buyers|patients|volunteers|subscribers|members|managers|drivers|riders)\b(?! (?:meeting|sync|call)\b)/;
/** Interviews that are hiring, audits or training: their logistics stay logistics. */
const HIRING = /\b(?:candidates?|hiring|hire|recruiter screen|panel for the|role\b|job|audit|auditors?|assessors?|assessment|training|trainers?|trained|attendance|onboarding sessions?)\b/;

function researchAware(text: string, hits: Hit<Category>[]): Hit<Category>[] {
  if (!hits.some((h) => h.cat === 'meeting_logistics') || !RESEARCH.test(text) || HIRING.test(text)) return hits;
  return hits.map((h) => (h.cat === 'meeting_logistics' ? { ...h, cat: 'discovery' } : h));
}

const lexiconScan: Scan = (text) => researchAware(text, LEXICON.scan(text));

/** True for the lexicon's own scan: no workspace list is read, so no phrase is listed either way. */
export function isLexiconScan(scan: Scan): boolean {
  return scan === lexiconScan;
}

/**
 * A scan that reads the workspace's lists first and the lexicon around them. Compiled once per word
 * lists object (cached), so a caller that keeps its lists object pays the compilation once.
 */
export function scanWith(words: WorkspaceWords | undefined): Scan {
  if (words === undefined) return lexiconScan;
  const listed = listedFor(words);
  if (listed === null) return lexiconScan;
  return (text) => {
    const own: Hit<Category>[] = [];
    listed.re.lastIndex = 0;
    for (let m = listed.re.exec(text); m !== null; m = listed.re.exec(text)) {
      const cat = listed.category.get(m[0].replace(/[\s,-]+/g, ' ')) ?? null;
      own.push({ cat, weight: cat === null ? 0 : LISTED_WEIGHT, start: m.index, end: m.index + m[0].length, phrase: m[0], listed: cat === null ? 'not-project' : 'project' });
    }
    const lexicon = lexiconScan(text);
    if (own.length === 0) return lexicon;
    const merged = lexicon.filter((h) => !own.some((o) => h.start < o.end && o.start < h.end)).concat(own);
    return merged.sort((a, b) => a.start - b.start);
  };
}
