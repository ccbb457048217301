import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Forbids `files` from importing the named src/ folders (and the local Slack stand-in), with the reason. */
function layer(files, forbidden, message) {
  // Relative imports reaching a forbidden folder of src/: `../../slack/gateway`, `./sandbox/run`.
  const regex = `^(\\./|(\\.\\./)+)(${forbidden.join('|')})(/|$)`;
  const localSlack = { regex: '(^|/)scripts/local-slack(/|$)', message: 'the local Slack is for tests and the sandbox only.' };
  return [{ files: [files], rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }, localSlack] }] } }];
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/artifacts/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  // The folders' arrows point one way (docs/architecture.md):
  //   slack/ (Bolt, listeners) and queue/ (workers) -> features/ -> ports/, store/ -> core/.
  // Nothing in src/ but the entry points loads the sandbox or the local Slack.
  // First the rule for all of src/, then each folder's own (a later entry replaces it for its files).
  { ...layer('src/**', ['sandbox'], 'the sandbox is never part of the bot (src/main.ts loads it lazily, see src/start-mode.ts).')[0], ignores: ['src/sandbox/**'] },
  ...layer('src/core/**', ['slack', 'queue', 'features', 'store', 'ports', 'sandbox'], 'core/ is pure logic: it imports nothing outside core/.'),
  ...layer('src/ports/**', ['slack', 'queue', 'features', 'store', 'sandbox'], 'ports/ are interfaces: they depend on core/ only.'),
  ...layer('src/store/**', ['slack', 'queue', 'features', 'sandbox'], 'store/ talks to Slack through the port (ports/slack.ts), never through slack/.'),
  ...layer('src/features/**', ['slack', 'queue', 'sandbox'], 'features reach Slack through ports/slack.ts and queue work through ports/jobs.ts, never slack/ or queue/.'),
  ...layer('src/queue/**', ['slack', 'sandbox'], 'queue/ runs feature functions; it does not import slack/.'),
  ...layer('src/slack/**', ['sandbox'], 'the sandbox is never part of the bot.'),
  {
    // Command-line tools and benchmarks talk to a person through stdout.
    files: ['scripts/**', 'src/cli.ts', 'src/cli/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
