/** One jest run across every workspace. `unit` = tests beside the code; `integration` = tests/ over real HTTP and a real MongoDB-compatible server; `browser` = tests/browser in Chromium against the H5 build; `weapp` = tests/weapp, the weapp build in a mini-program runtime. */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }],
};
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'] };
/** the projects that talk to a database server: 30 s per test and hook instead of jest's 5 s (tests/support/database-timeout.ts) */
const database = { ...common, setupFilesAfterEnv: ['<rootDir>/tests/support/database-timeout.ts'] };

module.exports = {
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{shared,mock,bff}/src/**/*.test.ts', '<rootDir>/scripts/lib/**/*.test.ts', '<rootDir>/miniapp/src/**/*.test.ts'],
    },
    {
      ...database,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...database,
      displayName: 'drills',
      testMatch: ['<rootDir>/tests/drills/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...database,
      displayName: 'security',
      testMatch: ['<rootDir>/tests/security/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'weapp',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      // the built mini-program runs as WeChat would run it: untransformed
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/miniapp/dist/'],
      globalSetup: '<rootDir>/tests/support/weapp-global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
