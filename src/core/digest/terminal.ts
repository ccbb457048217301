/**
 * A composed digest as plain text for a terminal (`lanekeeper digest preview`): the header, every
 * section with its list, the links with their addresses, the tips and the footer, the way Slack
 * would show them, without Slack's markup. Pure.
 */
import type { KnownBlock } from '@slack/web-api';
import type { DigestMessage } from './compose';

export interface TerminalOptions {
  /** Bold headings and dim footers with ANSI escapes (a TTY). Default false. */
  color?: boolean;
}

const EMOJI: Record<string, string> = { bulb: '💡' };

/** The whole digest, block by block, separated by blank lines; ends with a newline. */
export function digestToTerminal(message: DigestMessage, options: TerminalOptions = {}): string {
  const bold = (text: string) => (options.color ? `\u001b[1m${text}\u001b[22m` : text);
  const dim = (text: string) => (options.color ? `\u001b[2m${text}\u001b[22m` : text);
  const parts: string[] = [];
  for (const block of message.blocks) {
    const rendered = renderBlock(block, bold, dim);
    if (rendered) parts.push(rendered);
  }
  if (parts.length === 0) parts.push(mrkdwnToText(message.text, bold));
  return `${parts.join('\n\n')}\n`;
}

function renderBlock(block: KnownBlock, bold: (text: string) => string, dim: (text: string) => string): string | undefined {
  switch (block.type) {
    case 'header': {
      const title = block.text.text;
      return `${bold(title)}\n${'═'.repeat(Math.min(Array.from(title).length, 72))}`;
    }
    case 'section':
      return block.text ? mrkdwnToText(block.text.text, bold) : undefined;
    case 'context':
      return dim(block.elements.map((element) => ('text' in element ? mrkdwnToText(element.text, (text) => text) : '')).join(' '));
    case 'divider':
      return '─'.repeat(40);
    default:
      return undefined;
  }
}

/**
 * Slack mrkdwn as terminal text: `<url|label>` becomes `label (url)`, `<@U1>` `@U1`, `<#C1>` `#C1`,
 * `*bold*` is emboldened (or left plain), `_italic_` and `` `code` `` lose their marks, `:bulb:`
 * becomes its emoji, and the escaped `&amp;`, `&lt;`, `&gt;` are read back.
 */
export function mrkdwnToText(text: string, bold: (text: string) => string = (t) => t): string {
  return text
    .replace(/<([^<>|]+)\|([^<>]*)>/g, (_, url: string, label: string) => (url.startsWith('@') || url.startsWith('#') ? label : `${label} (${url})`))
    .replace(/<@([A-Z0-9_]+)>/g, '@$1')
    .replace(/<#([A-Z0-9_]+)>/g, '#$1')
    .replace(/<(https?:\/\/[^<>]+)>/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/gm, (_, before: string, inner: string) => `${before}${bold(inner)}`)
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/gm, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
