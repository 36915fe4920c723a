// Test groups: `domain` (pure rules, node), `ui` (React pages in jsdom), `mp` (the compiled weapp
// under miniprogram-simulate), `functions` (handlers through the emulator with the real SDK),
// `deploy` (the declaration and the deploy tooling, offline), `emulator` (the local CloudBase
// driven by the real SDK).
// `npm test` builds the weapp first, so `mp` always tests the current code.
const transform = { '^.+\\.[jt]sx?$': ['babel-jest', { configFile: './babel.jest.config.js' }] }

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'domain',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/domain/**/*.test.ts'],
      transform,
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/ui/**/*.test.tsx', '<rootDir>/test/ui/**/*.test.ts'],
      transform,
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/test/ui/support/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/test/ui/support/taro.ts',
        '^@nutui/nutui-react-taro$':
          '<rootDir>/node_modules/@nutui/nutui-react-taro/dist/cjs/packages/nutui.react.build.js',
        '^lottie-web$': '<rootDir>/test/ui/support/empty.js',
        '\\.(css|scss)$': '<rootDir>/test/ui/support/empty.js',
        '/style/css(\\.js)?$': '<rootDir>/test/ui/support/empty.js',
      },
    },
    {
      displayName: 'mp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/mp/**/*.test.ts'],
      transform,
    },
    {
      displayName: 'functions',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/functions/**/*.test.ts'],
      transform,
      globalSetup: '<rootDir>/test/functions/support/globalSetup.ts',
    },
    {
      // deploy/ and scripts/: the declaration, the offline checks of what would be deployed, the
      // deploy and upload plans against recording stand-ins, WeChat's offline compile.
      displayName: 'deploy',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/deploy/**/*.test.ts'],
      transform,
    },
    {
      displayName: 'emulator',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/emulator/test/**/*.test.ts'],
      transform,
    },
  ],
}
