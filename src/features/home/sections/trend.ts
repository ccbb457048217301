import type { HomeSection } from '../section';

/** The project-work share of the last weeks as a row of bars, with the change from last week. */
export const trend: HomeSection = ({ trend }) =>
  trend ? [{ type: 'section', text: { type: 'mrkdwn', text: `*Project-work share, last weeks*\n${trend}` } }] : [];
