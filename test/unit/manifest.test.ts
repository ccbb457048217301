import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BOT_SCOPES } from '../../src/slack/install-pages';
import { SUBSCRIBED_EVENTS } from '../../src/slack/listeners/events';

/** The Slack app manifest must ask for exactly what the code uses: no missing event, no spare scope. */
const manifest = readFileSync(path.resolve(__dirname, '../../manifest.yml'), 'utf8');
const listUnder = (heading: string): string[] => {
  const lines = manifest.split('\n');
  const start = lines.findIndex((line) => line.trim() === `${heading}:`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+- ([\w.:]+)/.exec(line);
    if (!match) break;
    items.push(match[1]);
  }
  return items;
};
const source = (file: string) => readFileSync(path.resolve(__dirname, '../../src', file), 'utf8');

describe('the Slack app manifest', () => {
  it('subscribes to every event the bot listens to, and no other', () => {
    const registered: readonly string[] = SUBSCRIBED_EVENTS;
    const expected = registered.flatMap((event) =>
      event === 'message' ? ['message.channels', 'message.groups', 'message.im', 'message.mpim'] : [event],
    );
    expect(listUnder('bot_events').sort()).toEqual(expected.sort());
  });

  it('asks for exactly the scopes the Web API calls and events need', () => {
    expect(listUnder('bot').sort()).toEqual(
      ['app_mentions:read', 'channels:history', 'groups:history', 'im:history', 'mpim:history', 'chat:write', 'im:write', 'users:read', 'commands'].sort(),
    );
    const gateway = source('slack/gateway.ts');
    const methods = [...gateway.matchAll(/client\.([a-z]+\.[a-zA-Z]+)\(/g)].map((m) => m[1]).sort();
    // Each method's scope is in the list above: users.info, users.list → users:read; chat.* → chat:write;
    // conversations.open → im:write; conversations.history/replies → *:history; views.publish and auth.test need none.
    expect([...new Set(methods)]).toEqual(
      ['auth.test', 'chat.postEphemeral', 'chat.postMessage', 'conversations.history', 'conversations.open', 'conversations.replies', 'users.info', 'users.list', 'views.publish'],
    );
  });

  it('has installs ask for the manifest’s bot scopes, come back to /slack/oauth_redirect, and allow org-wide installs', () => {
    expect([...BOT_SCOPES].sort()).toEqual(listUnder('bot').sort());
    expect(manifest).toMatch(/redirect_urls:\n\s+- https:\/\/lanekeeper\.example\.com\/slack\/oauth_redirect\n/);
    expect(manifest).toMatch(/^\s+org_deploy_enabled: true$/m);
  });

  it('declares the /lane command with escaped mentions, the Home tab and interactivity', () => {
    expect(manifest).toMatch(/- command: \/lane/);
    expect(manifest).toMatch(/should_escape: true/);
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
  });
});
