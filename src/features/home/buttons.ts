import { jobIdFrom, type JobQueue } from '../../ports/jobs';
import type { SettingsStore } from '../../store/settings';
import type { TimePreferencesStore } from '../../store/time-preferences';
import { hoursPresetOf } from './hours-presets';
import { HOME_ACTIONS } from './view';

/** The Home tab's buttons and menus: each changes one setting, then the tab is rebuilt by the deliver worker. */
export interface HomeButtonDeps {
  jobs: JobQueue;
  settings: SettingsStore;
  timePreferences: TimePreferencesStore;
}

export type HomeAction = (typeof HOME_ACTIONS)[keyof typeof HOME_ACTIONS];

export function createHomeButtonHandler({ jobs, settings, timePreferences }: HomeButtonDeps) {
  return async function handleHomeClick(click: { actionId: HomeAction; teamId: string; enterpriseId?: string; userId: string; value?: string; actionTs: string }) {
    const { teamId, enterpriseId, userId } = click;
    switch (click.actionId) {
      case HOME_ACTIONS.nudgesOn:
        await settings.setNudgesOff(teamId, userId, false);
        break;
      case HOME_ACTIONS.nudgesOff:
        await settings.setNudgesOff(teamId, userId, true);
        break;
      case HOME_ACTIONS.endSnooze:
        await settings.snoozeUntil(teamId, userId, 0);
        break;
      case HOME_ACTIONS.unmute:
        if (click.value) await settings.setChannelMuted(teamId, userId, click.value, false);
        break;
      case HOME_ACTIONS.restorePhrases:
        await settings.restorePhrases(teamId, userId);
        break;
      case HOME_ACTIONS.digestOn:
        await settings.setDigest(teamId, userId, { enabled: true });
        break;
      case HOME_ACTIONS.digestOff:
        await settings.setDigest(teamId, userId, { enabled: false });
        break;
      case HOME_ACTIONS.hoursPreset: {
        // Only the menu's own values count; anything else leaves the hours as they are.
        const preset = hoursPresetOf(click.value);
        if (preset) await timePreferences.setHours(teamId, userId, preset.hours);
        break;
      }
      case HOME_ACTIONS.awayOff:
        await timePreferences.setAway(teamId, userId, undefined);
        break;
    }
    await jobs.add('publish-home', { teamId, enterpriseId, userId }, { jobId: jobIdFrom('home', teamId, userId, click.actionTs) });
  };
}
