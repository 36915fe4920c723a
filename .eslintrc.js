module.exports = {
  root: true,
  extends: [
    'taro/react',
    'plugin:@typescript-eslint/recommended',
    'plugin:react-hooks/recommended',
    'prettier',
  ],
  parser: '@typescript-eslint/parser',
  parserOptions: { warnOnUnsupportedTypeScriptVersion: false },
  plugins: ['@typescript-eslint'],
  settings: { react: { version: '18' } },
  rules: {
    'react/react-in-jsx-scope': 'off',
    'react/jsx-uses-react': 'off',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
  },
  overrides: [
    {
      // Configs, scripts and tests run in node with CommonJS.
      files: ['*.js', 'config/**', 'scripts/**', 'emulator/**', 'test/**', 'e2e/**'],
      rules: { 'import/no-commonjs': 'off', '@typescript-eslint/no-var-requires': 'off' },
    },
  ],
  ignorePatterns: [
    'node_modules/',
    'dist/',
    'dist-h5/',
    '.data/',
    'coverage/',
    'test-results/',
    'dist-functions/',
  ],
}
