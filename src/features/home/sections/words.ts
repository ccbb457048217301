import type { ListedPhrase, WordList } from '../../../store/word-lists';
import type { HomeSection } from '../section';

/** A section's text must stay under Slack's 3,000 characters; long lists point to `/lane words`. */
const MAX_TEXT_CHARS = 2800;

/** The workspace's own phrases (`/lane words`): what always counts as project work here, and what never does. */
export const words: HomeSection = ({ words: listed = [] }) => {
  const lines = ['*This workspace’s phrases* (admins change them with `/lane words`):'];
  if (listed.length === 0) lines.push('none yet: lanekeeper judges by its own rules alone.');
  else {
    const line = (list: WordList, label: string) => {
      const phrases = listed.filter((p: ListedPhrase) => p.list === list).map((p) => `“${p.phrase}”`);
      if (phrases.length > 0) lines.push(`${label} ${phrases.join(', ')}`);
    };
    line('project', '• always project work:');
    line('never', '• never project work:');
  }
  let text = lines.join('\n');
  if (text.length > MAX_TEXT_CHARS) text = `${text.slice(0, MAX_TEXT_CHARS).replace(/,[^,]*$/, '')} … (all of them: \`/lane words\`)`;
  return [{ type: 'section', text: { type: 'mrkdwn', text } }];
};
