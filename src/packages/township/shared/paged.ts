/**
 * A list read a page at a time (需求清单, 服务清单): the first page on open, 加载更多 for the next,
 * and one item replaced in place after an act on it (so the list is not read again).
 */
import { useCallback, useState } from 'react'
import type { Envelope } from '../../../../types/api'
import { useLoad, type LoadState } from '../../../hooks/useLoad'

export interface Page<T> {
  items: T[]
  nextCursor?: string
}

export interface Paged<T extends { id: string }> {
  state: LoadState<Page<T>>
  reload: () => void
  /** Reads the next page and adds it; answers the failure's words, if any. */
  more: () => Promise<string | undefined>
  loadingMore: boolean
  /** Puts an item answered by an act in the place of the one with its id. */
  replace: (item: T) => void
}

export function usePaged<T extends { id: string }>(
  load: (cursor?: string) => Promise<Envelope<Page<T>>>,
): Paged<T> {
  const [first, reloadFirst] = useLoad(() => load())
  const [extra, setExtra] = useState<Page<T>>()
  const [changed, setChanged] = useState<Record<string, T>>({})
  const [loadingMore, setLoadingMore] = useState(false)

  const reload = useCallback(() => {
    setExtra(undefined)
    setChanged({})
    reloadFirst()
  }, [reloadFirst])

  let state: LoadState<Page<T>> = first
  if (first.status === 'ready') {
    const items = [...first.data.items, ...(extra?.items ?? [])].map((i) => changed[i.id] ?? i)
    const nextCursor = extra ? extra.nextCursor : first.data.nextCursor
    state = { status: 'ready', data: { items, ...(nextCursor ? { nextCursor } : {}) } }
  }
  const cursor = state.status === 'ready' ? state.data.nextCursor : undefined

  const more = async (): Promise<string | undefined> => {
    if (!cursor || loadingMore) return undefined
    setLoadingMore(true)
    const res = await load(cursor)
    setLoadingMore(false)
    if (!res.ok) return res.error.message
    setExtra((old) => ({
      items: [...(old?.items ?? []), ...res.data.items],
      ...(res.data.nextCursor ? { nextCursor: res.data.nextCursor } : {}),
    }))
    return undefined
  }

  const replace = useCallback((item: T) => setChanged((old) => ({ ...old, [item.id]: item })), [])

  return { state, reload, more, loadingMore, replace }
}
