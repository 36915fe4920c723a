import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// NutUI React Taro is drawn on a 375-wide design; our own styles on a 750-wide one.
function designWidth(input?: unknown): number {
  const file = (input as { file?: unknown } | undefined)?.file
  return typeof file === 'string' && file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
}

// Pure rules and the contract live outside src/ and are compiled into both builds.
const shared = ['domain', 'types'].map((dir) => path.resolve(__dirname, '..', dir))

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fengsi',
    date: '2026-11-27',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: ['@tarojs/plugin-html'],
    // Read from .env / the environment at build time (see .env.example); always defined, so the
    // built code never touches `process` at run time.
    defineConstants: {
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV || ''),
      'process.env.TARO_APP_API_BASE': JSON.stringify(process.env.TARO_APP_API_BASE || ''),
      // `1` only in `npm start`'s H5 build: sign in as a demo member with ?dev=<member id>.
      'process.env.TARO_APP_DEV_LOGIN': JSON.stringify(process.env.TARO_APP_DEV_LOGIN || ''),
      // The notice's QR code links here (see .env.example); empty: H5 uses its own origin.
      'process.env.TARO_APP_LINK_BASE': JSON.stringify(process.env.TARO_APP_LINK_BASE || ''),
      // 订阅消息 template ids (the same as the functions' FENGSI_TMPL_*; see .env.example)
      ...Object.fromEntries(
        [
          'TARO_APP_TMPL_MATTER_ANSWERED',
          'TARO_APP_TMPL_POLL_RESULT',
          'TARO_APP_TMPL_MATTER_RAISED',
          'TARO_APP_TMPL_JOIN_REQUESTED',
          'TARO_APP_TMPL_RESPONSE_DUE',
          'TARO_APP_TMPL_WHISTLE',
        ].map((name) => [`process.env.${name}`, JSON.stringify(process.env[name] || '')]),
      ),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: shared },
      // Our classes are BEM blocks that do not depend on the order of the shared chunk's CSS.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      compile: { include: shared },
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
