import type { Role } from '../../../core/types';
import type { HomeSection } from '../section';

const ROLE_NAMES: Record<Role, string> = {
  product: 'product manager',
  project: 'project manager',
  engineering: 'engineering',
  design: 'design',
  other: 'other',
};

const SOURCE_NAMES = { self: 'set by you', admin: 'set by an admin', profile: 'from your Slack title', unknown: '' } as const;

/** The person's role (and where it comes from) and who they hand project work to. */
export const who: HomeSection = (input) => {
  const role = input.role ? `*${ROLE_NAMES[input.role]}* (${SOURCE_NAMES[input.roleSource]})` : '*not known yet*';
  const delegate = input.delegate
    ? `<@${input.delegate.id}>${input.delegate.isDefault ? ' (the workspace default)' : ''}`
    : 'nobody yet: `/lane delegate @someone`';
  return [{ type: 'section', text: { type: 'mrkdwn', text: `*Your role:* ${role}. Change it with \`/lane role <role>\`.\n*You hand project work to:* ${delegate}` } }];
};
