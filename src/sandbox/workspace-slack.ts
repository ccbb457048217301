import type { LocalSlack, RecordedCall } from '../../scripts/local-slack';

/**
 * One workspace of the local Slack, as the sandbox's parts see it: its people, channels, messages
 * and Home tabs, and the calls the bot made with that workspace's token. Every part of the sandbox
 * (directory, visitor, ephemeral messages, snapshot) gets one of these, so none of them can reach
 * into another workspace by mistake.
 */
export type WorkspaceSlack = Pick<
  LocalSlack,
  'teamId' | 'botUserId' | 'botId' | 'addUser' | 'addChannel' | 'addMessage' | 'updateMessage' | 'deleteMessage' | 'messages' | 'homeView' | 'responseUrl' | 'calls'
>;

/** Stands in for values the page must not show, such as the app's client secret. */
const HIDDEN = '(hidden)';

/**
 * Which workspace each recorded call belongs to, learnt as the calls happen: a Web API call by its
 * token (the one `oauth.v2.access` granted that workspace), a `response_url` post by the workspace
 * that minted the URL, the install's `oauth.v2.access` by the workspace it installed into. The visit
 * to Slack's authorize page is the browser's, not a call of the bot: it belongs to none.
 */
export class CallOwners {
  private readonly teamOfToken = new Map<string, string>();
  private readonly teamOfResponseUrl = new Map<string, string>();

  observe(call: RecordedCall): void {
    const granted = grantOf(call);
    if (granted) this.teamOfToken.set(granted.token, granted.teamId);
  }

  claimResponseUrl(id: string, teamId: string): void {
    this.teamOfResponseUrl.set(id, teamId);
  }

  teamOf(call: RecordedCall): string | undefined {
    if (call.method === 'response_url') return this.teamOfResponseUrl.get(String(call.params.__id ?? ''));
    if (call.method === 'oauth.v2.access') return grantOf(call)?.teamId;
    return call.token === undefined ? undefined : this.teamOfToken.get(call.token);
  }
}

/** The workspace `teamId` of a local Slack holding several. */
export function workspaceSlack(slack: LocalSlack, teamId: string, owners: CallOwners): WorkspaceSlack {
  const workspace = slack.workspace(teamId);
  return {
    teamId,
    botUserId: workspace.botUserId,
    botId: workspace.botId,
    addUser: (user) => workspace.addUser(user),
    addChannel: (channel) => workspace.addChannel(channel),
    addMessage: (channel, message) => workspace.addMessage(channel, message),
    updateMessage: (channel, ts, changes) => workspace.updateMessage(channel, ts, changes),
    deleteMessage: (channel, ts) => workspace.deleteMessage(channel, ts),
    messages: (channel) => workspace.messages(channel),
    homeView: (userId) => workspace.homeView(userId),
    responseUrl: (id) => {
      const url = slack.responseUrl(id);
      owners.claimResponseUrl(decodeURIComponent(url.slice(url.lastIndexOf('/') + 1)), teamId);
      return url;
    },
    get calls() {
      return slack.calls.filter((call) => owners.teamOf(call) === teamId).map(withoutSecrets);
    },
  };
}

function grantOf(call: RecordedCall): { token: string; teamId: string } | undefined {
  if (call.method !== 'oauth.v2.access') return undefined;
  const answer = call.response as { ok?: unknown; access_token?: unknown; team?: { id?: unknown } | null } | undefined;
  if (answer?.ok !== true || typeof answer.access_token !== 'string' || typeof answer.team?.id !== 'string') return undefined;
  return { token: answer.access_token, teamId: answer.team.id };
}

/** The install's exchange, as the page shows it: the code and the client secret are not for display. */
function withoutSecrets(call: RecordedCall): RecordedCall {
  if (call.method !== 'oauth.v2.access') return call;
  const params = { ...call.params };
  for (const key of ['client_secret', 'code', 'refresh_token']) if (key in params) params[key] = HIDDEN;
  return { ...call, params };
}
