import { classify } from '../../../src/core/classifier';
import type { ClassifyInput, Role } from '../../../src/core/types';

/**
 * Hand-overs written as statements, research that sounds like logistics, product nouns that sound like
 * admin, more languages, short forms of names, and standups headed by a day. Written for these tests
 * (not taken from any corpus batch).
 */
const roles: Record<string, Role> = { U_ANA: 'product', U_KEV: 'product', U_RAJ: 'project', U_LEAD: 'engineering', U_APP: 'other' };
const names = { U_ANA: 'Ana Souza', U_KEV: 'Kevin Doyle', U_RAJ: 'Raj Patel', U_LEAD: 'Lee Morgan' };

function judge(text: string, extra: Partial<ClassifyInput> = {}) {
  return classify({ text, author: 'U_LEAD', roles, ...extra });
}

describe('hand-overs written as statements', () => {
  it.each([
    "<@U_ANA> you've got the pen on the monthly steering report from now on",
    "<@U_ANA> you're presenting the programme RAG at the risk committee on the 22nd",
    "I'd rather <@U_ANA> kept the dependency log than me, she's in every vendor meeting anyway",
    'the go-live checklist needs an owner end to end and I think that should be <@U_ANA>',
    'The updated launch timeline needs to be circulated to the district partners by <@U_ANA> before half-term',
    'Timesheet approvals for the contractors are pending with <@U_ANA>, 14 entries',
    '&gt; can someone update the partner timeline?\n<@U_ANA> that\'s you this week pls',
    '<@U_ANA> ok if you pick up the dependency tracker for the API integration? just keep it current each week',
    "<@U_ANA> ur the owner for the audit prep, right? need the checklist and the walkthrough booked",
    "Let's make <@U_ANA> owner of the beta issue log, she logs everything with severity and reviews it weekly",
    'we need someone from product to keep the remediation plan updated as findings come in. <@U_ANA>?',
  ])('flags "%s"', (text) => {
    expect(judge(text)).toMatchObject({ flag: true, flagged: ['U_ANA'] });
  });
});

describe('research that sounds like logistics, and product nouns that sound like admin', () => {
  it.each([
    '<@U_ANA> can you write the PRD for the disruption rebooking MVP? what is in for v1',
    '<@U_ANA> can you book the observation room for Thursday\'s member interviews?',
    '<@U_ANA> can you send the invites to the store managers for the concept demo? we want to see if the idea lands',
    '<@U_ANA> please set up usability tests on the renewal journey with 5 policyholders',
    '<@U_ANA> can you pull the renewal reminder A/B results into a one-pager?',
  ])('does not flag "%s"', (text) => {
    expect(judge(text).flag).toBe(false);
  });

  it('still reads booking rooms for an audit or a training as logistics', () => {
    expect(judge('<@U_ANA> can you set up the audit interview slots with the assessors?').flag).toBe(true);
  });

  it('still reads a licence renewal with a vendor as vendor admin', () => {
    expect(judge('<@U_ANA> can you sort the licence renewal with the vendor before the 31st?')).toMatchObject({ flag: true, categories: ['vendor_admin'] });
  });
});

describe('more languages mixed into English', () => {
  it.each([
    '<@U_ANA> vc pode montar o cronograma do piloto? só as datas principais',
    "<@U_ANA> tu pourrais mettre à jour le tableau des risques pour l'audit fournisseur?",
    '<@U_ANA> hast du Zeit, die Teilnehmerliste an die Werkssicherheit zu schicken?',
    '<@U_ANA> pls upd the audit tracker w/ the 3 new findings',
  ])('flags "%s"', (text) => {
    expect(judge(text)).toMatchObject({ flag: true, flagged: ['U_ANA'] });
  });
});

describe('names', () => {
  it('resolves a short form that addresses the one person whose first name it starts', () => {
    expect(judge('kev, pls update the RAID before the governance meeting', { names })).toMatchObject({ flag: true, flagged: ['U_KEV'] });
  });

  it('resolves a capitalised first name held by one person, not a lower-case word', () => {
    expect(judge('Could the RAID be refreshed by Ana before the QBR?', { names })).toMatchObject({ flag: true, flagged: ['U_ANA'] });
  });

  it('resolves a common diminutive that addresses the one person of that formal name', () => {
    const polish = { U_ANA: 'Katarzyna Nowak', U_RAJ: 'Raj Patel' };
    expect(judge('Kasia, can you set up the launch war room? slack channel, bridge, on-call rota', { names: polish })).toMatchObject({ flag: true, flagged: ['U_ANA'] });
  });

  it('does not take a name at the end of a question for information for someone put forward', () => {
    expect(judge('can you tell me when the status report is due, <@U_ANA>?').flag).toBe(false);
  });

  it('does not take a first name followed by another surname for the person in the directory', () => {
    expect(judge('Could the RAID be refreshed by Ana Lima before the QBR?', { names }).flag).toBe(false);
  });
});

describe('tracker posts and standups', () => {
  it("reads the app's event line first, whatever the ticket's description reports", () => {
    const v = judge('', {
      author: 'U_APP',
      fromBot: true,
      names,
      attachments: [{ pretext: '*Raj Patel* assigned *OPS-412* to *Ana Souza*', title: 'OPS-412: Close out stale tickets before cutover', text: "About 60 tickets haven't moved since the October drop." }],
    });
    expect(v).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
  });

  it('reads a list of one\'s own work under a day as a standup', () => {
    const v = judge('Wed\n• wrote the Q2 status pack\n• CR for the extra vendor hours drafted\n• budget burn update with finance\n• 1:1 with Raj', { author: 'U_ANA' });
    expect(v).toMatchObject({ kind: 'standup', flag: true });
  });
});
