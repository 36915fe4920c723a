import { type PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { devSignInFromUrl } from './services/devSignIn'
import './theme.css'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // The CloudBase environment comes from .env (TARO_APP_CLOUD_ENV); empty means the default one.
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
    } else {
      void devSignInFromUrl()
    }
  })
  return children
}

export default App
