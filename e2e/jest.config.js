// Browser tests: the H5 build in Debian's Chromium, driven by playwright-core.
module.exports = {
  rootDir: '..',
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
  transform: { '^.+\\.[jt]sx?$': ['babel-jest', { configFile: './babel.jest.config.js' }] },
  testTimeout: 120000,
}
