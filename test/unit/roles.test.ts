import { roleFromTitle } from '../../src/core/roles';

describe('role from a Slack profile title', () => {
  it.each([
    ['Senior Product Manager', 'product'],
    ['Group Product Manager', 'product'],
    ['Product Owner', 'product'],
    ['Head of Product', 'product'],
    ['VP of Product', 'product'],
    ['Project Manager', 'project'],
    ['Technical Program Manager', 'project'],
    ['Scrum Master', 'project'],
    ['Delivery Manager', 'project'],
    ['Product Designer', 'design'],
    ['Product Marketing Manager', 'other'],
    ['Engineering Manager', 'engineering'],
    ['Senior Software Engineer', 'engineering'],
  ])('reads "%s" as %s', (title, role) => {
    expect(roleFromTitle(title)).toBe(role);
  });

  it('says nothing about an empty or unrelated title', () => {
    expect(roleFromTitle('')).toBeUndefined();
    expect(roleFromTitle(undefined)).toBeUndefined();
    expect(roleFromTitle('Office Plant Whisperer')).toBeUndefined();
  });
});
