/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined
    /** CloudBase environment id for the WeChat build. */
    TARO_APP_CLOUD_ENV?: string
    /** Base URL the H5 build posts function calls to; empty means the same origin. */
    TARO_APP_API_BASE?: string
    /** `1` in the local H5 build: ?dev=<member id> signs in as a demo member. */
    TARO_APP_DEV_LOGIN?: string
  }
}
