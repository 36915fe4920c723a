/**
 * What the township's screens say about the lists and the ledger, from domain/township/lists.ts:
 * a status in words, who proposed a pair, a month in Chinese and the months around it.
 */
import type { ClaimView, NeedView, ServiceView } from '../../../../types/api/township'
import {
  categoryLabel,
  LIST_STATUS_LABELS,
  PROVIDER_KINDS,
} from '../../../../domain/township/lists'
import { shanghaiTime } from '../../../components/Timeline'

export { categoryLabel, LIST_STATUS_LABELS }

export const statusWord = (s: NeedView['status']): string => LIST_STATUS_LABELS[s]

const BY: Record<ClaimView['by'], string> = {
  provider: '服务方认领',
  village: '村里认领',
  township: '乡镇匹配',
}

/** `乡镇匹配，11月25日 09:00`: who proposed the pair, and when. */
export const claimWords = (claim: ClaimView): string => `${BY[claim.by]}，${shanghaiTime(claim.at)}`

/** `社会组织 东镇社工站` */
export const providerWords = (s: ServiceView): string =>
  `${PROVIDER_KINDS[s.provider.kind] ?? ''} ${s.provider.name}`.trim()

/** `2026-11` → `2026年11月` */
export const monthWords = (month: string): string => {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** The month `by` months after `month` (`YYYY-MM`; negative: before). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + by
  const year = Math.floor(index / 12)
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`
}
