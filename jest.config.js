/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  // Integration tests share one Redis; each test uses its own key prefix, but serial runs keep
  // timing-sensitive queue tests honest on a 2-core machine.
  maxWorkers: 1,
  testTimeout: 30000,
};
