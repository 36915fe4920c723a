// Test groups: `domain` (pure rules, node), `ui` (React pages in jsdom), `mp` (the compiled weapp
// under miniprogram-simulate), `emulator` (the local CloudBase driven by the real SDK).
// `npm test` builds the weapp first, so `mp` always tests the current code.
const tsTransform = { '^.+\\.[jt]sx?$': ['babel-jest', { configFile: './babel.jest.config.js' }] }

module.exports = {
  projects: [
    {
      displayName: 'domain',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/domain/**/*.test.ts'],
      transform: tsTransform,
    },
    {
      displayName: 'emulator',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/emulator/test/**/*.test.ts'],
      transform: tsTransform,
    },
  ],
}
