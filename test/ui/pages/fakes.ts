/**
 * What the page tests share: the network as the boundary (`fetch` answers as the emulator's
 * /fn/<name> would, by action, and records every call) and the Taro calls a page makes that the
 * jsdom stand-in does not carry (navigation, dialogs, the scanner), as jest mocks.
 */
import { act } from '@testing-library/react'
import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import * as TaroModule from '@tarojs/taro'
import { storage } from '../support/taro'
import type { MatterSummary } from '../../../types/api/matters'

export interface Call {
  fn: string
  action: string
  payload: unknown
}

type Answer = unknown | ((payload: never) => unknown)

/** Answers each action with what `answers` holds for it (a value or a function of the payload). */
export function serve(answers: Record<string, Answer>): Call[] {
  const calls: Call[] = []
  global.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const fn = String(url).replace(/^.*\/fn\//, '')
    const { action, payload } = JSON.parse(String(init?.body)) as {
      action: string
      payload: unknown
    }
    calls.push({ fn, action, payload })
    const a = answers[action]
    if (a === undefined) throw new Error(`no answer for ${fn}.${action}`)
    const body = typeof a === 'function' ? await (a as (p: unknown) => unknown)(payload) : a
    return { ok: true, status: 200, json: async () => body } as Response
  }) as typeof fetch
  return calls
}

export const ok = (data: unknown) => ({ ok: true, data })
export const refuse = (code: string, message: string) => ({ ok: false, error: { code, message } })

export interface TaroFakes {
  navigateTo: jest.Mock
  redirectTo: jest.Mock
  showModal: jest.Mock
  scanCode: jest.Mock
  chooseImage: jest.Mock
}

/** Installs jest mocks for the Taro calls pages make; storage starts empty. */
export function fakeTaro(): TaroFakes {
  storage.clear()
  const fakes: TaroFakes = {
    navigateTo: jest.fn(async () => undefined),
    redirectTo: jest.fn(async () => undefined),
    showModal: jest.fn(async () => ({ confirm: true, cancel: false })),
    scanCode: jest.fn(async () => ({ result: '' })),
    chooseImage: jest.fn(async () => ({ tempFilePaths: [] })),
  }
  Object.assign(Taro as unknown as Record<string, unknown>, fakes)
  return fakes
}

/** A matter as lists show it; every field written out, the test overrides what it is about. */
export function matter(
  id: string,
  title: string,
  more: Partial<MatterSummary> = {},
): MatterSummary {
  return {
    id,
    title,
    status: 'raised',
    origin: 'resident',
    urgent: false,
    raisedByName: '王大爷',
    raisedAt: '2026-11-20T02:00:00.000Z',
    overdue: false,
    photoCount: 0,
    ...more,
  }
}

/** A membership as getHome answers it. */
export function member(status: 'pending' | 'verified' | 'declined' | 'left', more = {}) {
  return {
    id: 'mem-1',
    villageId: 'v1',
    name: '李秀英',
    householdNo: '3-12',
    roles: ['resident'],
    status,
    requestedAt: '2026-11-01T02:00:00.000Z',
    ...more,
  }
}

export const VILLAGE = { id: 'v1', name: '西村', talkDays: [4, 14, 24], responseDeadlineDays: 3 }

export const textOf = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, '')

/**
 * Lets a test show the page again (as when the person comes back to it): every `useDidShow` of
 * the page runs once on mounting, as in the stand-in, and again on `showAgain()`.
 */
export function capturePageShows(): { showAgain: () => void } {
  const shows = new Set<{ current: () => void }>()
  jest.spyOn(TaroModule, 'useDidShow').mockImplementation((fn: () => void) => {
    const ref = useRef(fn)
    ref.current = fn
    useEffect(() => {
      shows.add(ref)
      ref.current()
      return () => void shows.delete(ref)
    }, [])
  })
  return { showAgain: () => act(() => shows.forEach((r) => r.current())) }
}
