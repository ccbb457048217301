import type { HomeSection } from '../section';
import { balance } from './balance';
import { digest } from './digest';
import { nudges } from './nudges';
import { who } from './who';
import { words } from './words';

/** The Home tab's sections, top to bottom. A new section is a module in this folder and one line here. */
export const HOME_SECTIONS: readonly HomeSection[] = [who, balance, nudges, digest, words];
