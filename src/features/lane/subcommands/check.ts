import { mentionedUsers } from '../../../core/classifier';
import { delegateOf, nudgeCandidates } from '../../../core/policy';
import { pickTip } from '../../../core/tips';
import { MAX_LOOKUPS, parsed, reply, subcommand, usageError } from '../subcommand';
import { renderVerdict } from '../verdict';

const USAGE = '`/lane check <text>`, e.g. `/lane check @ana can you book the retro room?`';

/** `/lane check <text>`: how lanekeeper would judge a message, and the tip it would give. */
export const check = subcommand<{ name: 'check'; text: string }>({
  words: ['check'],
  usage: USAGE,
  parse({ rest }) {
    return rest ? parsed({ name: 'check', text: rest }) : usageError('Tell me what to check.', USAGE);
  },
  async run(command, { teamId, userId }, lane) {
    const { deps } = lane;
    const named = [...mentionedUsers(command.text), userId].slice(0, MAX_LOOKUPS);
    const [roles, words] = await Promise.all([
      lane.withinLookupTime(deps.lookup.people.rolesOf(teamId, named)).then((found) => found ?? deps.people.rolesOf(teamId, named)),
      deps.wordLists.wordsOf(teamId),
    ]);
    // Judged with the workspace's word lists, as the bot judges its messages.
    const verdict = deps.classify({ text: command.text, author: userId, roles, words });
    const candidate = nudgeCandidates(verdict, userId)[0];
    let tip = '';
    if (candidate) {
      const [theirs, workspace] = await Promise.all([deps.settings.person(teamId, candidate.recipientId), deps.settings.workspace(teamId)]);
      const delegate = delegateOf(candidate.recipientId, theirs, workspace);
      tip = `\n*Tip I would give:* ${pickTip({ category: candidate.categories[0], delegate, phrase: candidate.phrase }).text}`;
    }
    return reply(`${renderVerdict(verdict, (id) => Object.hasOwn(roles, id))}${tip}`);
  },
});
