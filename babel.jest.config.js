// Babel for node-side tests (domain, emulator, functions): TypeScript only, no Taro transforms.
module.exports = {
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
}
