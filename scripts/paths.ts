import path from 'node:path'

/** The H5 build (`npm run build:h5`). */
export const H5_DIR = path.resolve(__dirname, '..', 'dist-h5')
/** The WeChat build (`npm run build:weapp`), the `miniprogramRoot`. */
export const WEAPP_DIR = path.resolve(__dirname, '..', 'dist')
