import type { KnownBlock } from '@slack/web-api';
import { plain } from '../block-kit';
import type { HomeViewInput } from './section';
import { HOME_SECTIONS } from './sections';

export { HOME_ACTIONS, type HomeViewInput } from './section';

/** The App Home tab: the person's role and delegate, this week's balance, and every setting with a button to change it. */
export function buildHomeView(input: HomeViewInput): { type: 'home'; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [{ type: 'header', text: plain('lanekeeper') }];
  HOME_SECTIONS.forEach((section, index) => {
    if (index > 0) blocks.push({ type: 'divider' });
    blocks.push(...section(input));
  });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'lanekeeper keeps no message text, only the short phrase it matched. `/lane help` lists every command.' }] });
  return { type: 'home', blocks };
}
