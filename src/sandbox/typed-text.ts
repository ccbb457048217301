/**
 * What Slack's client does to typed text before it reaches an app: `&`, `<` and `>` are escaped,
 * and `@handle` / `#channel` become `<@U…>` / `<#C…|name>`. Slash commands with `should_escape`
 * (our manifest) get the handle too: `<@U…|handle>`. Pure, so it is tested without a browser.
 */
export interface Mentionable {
  people: readonly { id: string; handle: string }[];
  channels: readonly { id: string; name: string }[];
}

export type TextFlavour = 'message' | 'slash_command';

// A handle or channel name starts after the start, whitespace or an opening bracket/quote, and
// ends before whitespace or punctuation, so "@ana," and "(@ana)" both mention Ana.
const MENTION = /(^|[\s([{"'“‘])([@#])([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(?=$|[\s.,;:!?)\]}"'”’])/g;

export function encodeTypedText(raw: string, known: Mentionable, flavour: TextFlavour = 'message'): string {
  const escaped = raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(MENTION, (whole, before: string, sigil: string, name: string) => {
    const lower = name.toLowerCase();
    if (sigil === '@') {
      const person = known.people.find((p) => p.handle.toLowerCase() === lower);
      if (!person) return whole;
      return `${before}<@${person.id}${flavour === 'slash_command' ? `|${person.handle}` : ''}>`;
    }
    const channel = known.channels.find((c) => c.name.toLowerCase() === lower);
    return channel ? `${before}<#${channel.id}|${channel.name}>` : whole;
  });
}

/** User ids mentioned in Slack-formatted text (`<@U…>` and `<@U…|name>`). */
export function mentionedIds(text: string): string[] {
  return [...text.matchAll(/<@([UW][A-Z0-9_]+)(?:\|[^>]*)?>/g)].map((m) => m[1]);
}
