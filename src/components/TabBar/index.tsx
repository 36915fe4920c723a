import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TABS, type TabKey } from '../../routes'
import './index.css'

/** A glyph per tab, always with its word beside it (never an icon alone). */
const GLYPH: Record<TabKey, string> = { home: '⌂', matters: '☰', me: '◉' }

/**
 * Reachable by keyboard too in H5 (so the page's scrolling region holds a focusable element);
 * Taro's View types lack `tabIndex`, the H5 element takes it as an attribute, WeChat ignores it.
 */
const KEYBOARD_FOCUSABLE = { tabIndex: 0 } as Record<string, unknown>

/** The bottom bar of 首页 · 议事 · 我的: large words, each a target of at least 44 × 44 px. */
export default function TabBar({ current }: { current: TabKey }) {
  return (
    <View className="tabbar" id="tabbar" role="navigation" aria-label="主菜单">
      {TABS.map((tab) => {
        const active = tab.key === current
        return (
          <View
            key={tab.key}
            id={`tab-${tab.key}`}
            className={`tabbar__item${active ? ' tabbar__item--active' : ''}`}
            role="link"
            {...KEYBOARD_FOCUSABLE}
            aria-current={active ? 'page' : undefined}
            onClick={() => {
              if (!active) void Taro.redirectTo({ url: tab.route })
            }}
          >
            <Text className="tabbar__glyph" aria-hidden>
              {GLYPH[tab.key]}
            </Text>
            <Text className="tabbar__label">{tab.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
