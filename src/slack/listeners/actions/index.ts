import type { App, BlockAction, ButtonAction, Context, StaticSelectAction } from '@slack/bolt';
import { createHomeButtonHandler, type HomeAction, type HomeButtonDeps } from '../../../features/home/buttons';
import { HOME_ACTIONS } from '../../../features/home/view';
import { createNudgeButtonHandler, type NudgeAction, type NudgeButtonDeps } from '../../../features/nudges/buttons';
import { NUDGE_ACTIONS } from '../../../features/nudges/message';

export type ActionListenerDeps = NudgeButtonDeps & HomeButtonDeps;

/**
 * The workspace a click is for: the one Bolt authorized it with (the installing workspace, also in
 * a Slack Connect channel), else the payload's team.
 */
function workspaceOfClick(body: BlockAction, context: Context): { teamId: string; enterpriseId?: string } {
  return { teamId: context.teamId ?? body.team?.id ?? body.user.team_id ?? '', enterpriseId: context.enterpriseId ?? body.enterprise?.id };
}

export function registerActionListeners(app: App, deps: ActionListenerDeps): void {
  const handleNudgeClick = createNudgeButtonHandler(deps);
  const handleHomeClick = createHomeButtonHandler(deps);

  // One listener per family of buttons: Bolt runs every listener's matcher on every request, so
  // fewer listeners keep the receive path fast.
  const nudgeActions = new Set<string>(Object.values(NUDGE_ACTIONS));
  const homeActions = new Set<string>(Object.values(HOME_ACTIONS));
  app.action<BlockAction<ButtonAction>>(/^nudge_/, async ({ ack, body, action, context }) => {
    await ack();
    if (!nudgeActions.has(action.action_id)) return;
    await handleNudgeClick({
      actionId: action.action_id as NudgeAction,
      ...workspaceOfClick(body, context),
      userId: body.user.id,
      value: action.value ?? '',
      responseUrl: body.response_url,
      actionTs: action.action_ts,
      // A nudge posted publicly in a thread (delivery mode `thread`) is seen by everyone there.
      seenByOthers: body.container?.is_ephemeral !== true && !(body.channel?.id ?? '').startsWith('D'),
    });
  });
  app.action<BlockAction<ButtonAction | StaticSelectAction>>(/^home_/, async ({ ack, body, action, context }) => {
    await ack();
    if (!homeActions.has(action.action_id)) return;
    await handleHomeClick({
      actionId: action.action_id as HomeAction,
      ...workspaceOfClick(body, context),
      userId: body.user.id,
      // A button carries its value; a menu, the chosen option's.
      value: action.type === 'static_select' ? action.selected_option?.value : action.value,
      actionTs: action.action_ts,
    });
  });
}
