import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import type { TabKey } from '../../routes'
import { useLargeText } from '../../hooks/useLargeText'
import TabBar from '../TabBar'
import './index.css'

interface Props {
  /** The page's own class (BEM block), e.g. `home`. */
  className: string
  /** On the three tab pages: which tab is this one (the bottom bar is drawn). */
  tab?: TabKey
}

/**
 * The root of every page: carries 大字模式 (the `fs-large` class rescales every text through the
 * theme's variables) and, on tab pages, the bottom bar.
 */
export default function Screen({ className, tab, children }: PropsWithChildren<Props>) {
  const large = useLargeText()
  const classes = ['fs-screen', className, large ? 'fs-large' : '', tab ? 'fs-screen--tabbed' : '']
  return (
    <View className={classes.filter(Boolean).join(' ')} id="screen">
      {children}
      {tab && <TabBar current={tab} />}
    </View>
  )
}
