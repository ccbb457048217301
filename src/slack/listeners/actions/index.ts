import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { HOME_ACTIONS } from '../../views/home';
import { NUDGE_ACTIONS } from '../../views/nudge';
import { createHomeButtonHandler, type HomeAction, type HomeButtonDeps } from './home-buttons';
import { createNudgeButtonHandler, type NudgeAction, type NudgeButtonDeps } from './nudge-buttons';

export type ActionListenerDeps = NudgeButtonDeps & HomeButtonDeps;

export function registerActionListeners(app: App, deps: ActionListenerDeps): void {
  const handleNudgeClick = createNudgeButtonHandler(deps);
  const handleHomeClick = createHomeButtonHandler(deps);

  for (const actionId of Object.values(NUDGE_ACTIONS)) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action }) => {
      await ack();
      await handleNudgeClick({
        actionId: actionId as NudgeAction,
        teamId: body.team?.id ?? body.user.team_id ?? '',
        userId: body.user.id,
        value: action.value ?? '',
        responseUrl: body.response_url,
        actionTs: action.action_ts,
      });
    });
  }
  for (const actionId of Object.values(HOME_ACTIONS)) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action }) => {
      await ack();
      await handleHomeClick({
        actionId: actionId as HomeAction,
        teamId: body.team?.id ?? body.user.team_id ?? '',
        userId: body.user.id,
        value: action.value,
        actionTs: action.action_ts,
      });
    });
  }
}
