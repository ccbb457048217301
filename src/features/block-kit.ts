/** Small Block Kit and mrkdwn helpers shared by the features' messages and views. */

/** Slack treats &, < and > as control characters in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function plain(text: string) {
  return { type: 'plain_text' as const, text, emoji: true };
}
