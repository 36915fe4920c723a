import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError, Envelope } from '../../types/api'
import { NETWORK_ERROR } from '../services/cloud'

export type LoadState<T> =
  { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: T }

/** Runs a loader that answers with an envelope; exposes loading, error and ready, and `reload`. */
export function useLoad<T>(loader: () => Promise<Envelope<T>>): [LoadState<T>, () => void] {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' })
  const loaderRef = useRef(loader)
  loaderRef.current = loader
  const run = useCallback(() => {
    let live = true
    setState({ status: 'loading' })
    loaderRef
      .current()
      .then((answer) => {
        if (!live) return
        setState(
          answer.ok
            ? { status: 'ready', data: answer.data }
            : { status: 'error', error: answer.error },
        )
      })
      .catch(() => {
        if (live) setState({ status: 'error', error: NETWORK_ERROR })
      })
    return () => {
      live = false
    }
  }, [])
  useEffect(() => run(), [run])
  return [state, run]
}
