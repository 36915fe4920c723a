/**
 * What a person has typed and not yet sent, kept on the phone by a key (`raise`, `statement:<id>`,
 * `rating:<id>`, `join`), so a lost network, a call that fails or leaving the page loses nothing.
 * Cleared when the text has been sent.
 */
import Taro from '@tarojs/taro'

const PREFIX = 'fengsi.draft.'

export function loadDraft<V extends Record<string, unknown>>(key: string): Partial<V> | undefined {
  try {
    const stored: unknown = Taro.getStorageSync(PREFIX + key)
    return stored && typeof stored === 'object' ? (stored as Partial<V>) : undefined
  } catch {
    return undefined
  }
}

export function saveDraft(key: string, values: Record<string, unknown>): void {
  try {
    Taro.setStorageSync(PREFIX + key, values)
  } catch {
    // Storage full or unavailable: the text stays on the screen, only not across pages.
  }
}

export function clearDraft(key: string): void {
  try {
    Taro.removeStorageSync(PREFIX + key)
  } catch {
    // Nothing stored.
  }
}
