import type { LaneEntry } from '../subcommand';
import { channel } from './channel';
import { check } from './check';
import { delegate } from './delegate';
import { delivery } from './delivery';
import { digest } from './digest';
import { lead } from './lead';
import { mute } from './mute';
import { nudges } from './nudges';
import { restore } from './restore';
import { role } from './role';
import { snooze } from './snooze';
import { stats } from './stats';
import { team } from './team';
import { words } from './words';

/**
 * Every `/lane` subcommand, in the order `/lane help` lists them. A new subcommand is a new module
 * in this folder (see ../subcommand.ts for its shape) and one line here.
 */
export const LANE_SUBCOMMANDS: readonly LaneEntry[] = [check, role, delegate, snooze, mute, nudges, delivery, restore, channel, stats, digest, team, lead, words];
