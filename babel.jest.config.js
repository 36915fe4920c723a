// Babel for jest: TypeScript and React's automatic JSX runtime, for node as it runs the tests.
// (The Taro builds use babel.config.js.)
module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    '@babel/preset-typescript',
    ['@babel/preset-react', { runtime: 'automatic' }],
  ],
}
