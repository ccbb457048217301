/**
 * `/lane hours workspace 9-17`, `/lane holidays workspace GB`: a setting for the whole workspace
 * (admins) is the person's command with `workspace` in front. Says which one was typed, and the
 * text of the setting itself.
 */
export function settingScope(args: readonly string[], rest: string): { scope: 'person' | 'workspace'; text: string } {
  return args[0]?.toLowerCase() === 'workspace' ? { scope: 'workspace', text: rest.replace(/^\S+\s*/, '') } : { scope: 'person', text: rest };
}
