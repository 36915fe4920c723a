/**
 * The matter page and its mediation: the status word the getMatter answer gives, a link to the
 * case only for those who see it whole (`kind`), 开始调解 for a legal officer (`can`); no call more.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as TaroModule from '@tarojs/taro'
import { MatterScreen } from '../../../../src/packages/matters/pages/detail'
import { fixShanghaiClock } from '../../../support/clock'
import { detail } from '../matters/detail/fixtures'
import { fakeBackend, ok, type FakeBackend } from '../matters/detail/backend'

configure({ asyncUtilTimeout: 5000 })

const T = Taro as unknown as Record<string, unknown>
let backend: FakeBackend
beforeEach(() => {
  fixShanghaiClock('2026-11-26T10:00:00')
  ;(TaroModule as unknown as { storage: Map<string, unknown> }).storage.clear()
  backend = fakeBackend()
  T.navigateTo = jest.fn(async () => undefined)
})
afterEach(() => jest.useRealTimers())

const shown = (id: string) => document.getElementById(id) !== null
const textOf = (id: string) => (document.getElementById(id)?.textContent ?? '').replace(/\s+/g, '')

const open = async (more: Parameters<typeof detail>[0]) => {
  backend.answers['matters.getMatter'] = ok(detail({ photos: [], ...more }))
  render(<MatterScreen matterId="m1" />)
  await screen.findByText('村口路灯坏了')
}

describe('事项 page: 调解', () => {
  it('a party, the officer or the committee: the word, and the way to the case', async () => {
    await open({ mediation: { statusLabel: '调解中', kind: 'full' } })
    expect(textOf('matter-mediation-status')).toBe('调解中')
    fireEvent.click(document.getElementById('matter-mediation-link') as HTMLElement)
    expect(T.navigateTo).toHaveBeenCalledWith({
      url: '/packages/mediation/pages/case/index?matterId=m1',
    })
    expect(backend.calls.map((c) => `${c.fn}.${c.action}`)).toEqual(['matters.getMatter'])
  })

  it('any other member: the word only, no link', async () => {
    await open({ mediation: { statusLabel: '已调解', kind: 'brief' } })
    expect(textOf('matter-mediation-status')).toBe('已调解')
    expect(shown('matter-mediation-link')).toBe(false)
    expect(shown('matter-mediation-open')).toBe(false)
  })

  it('a legal officer on a matter without a case: 开始调解', async () => {
    await open({ can: ['openMediation'] })
    fireEvent.click(document.getElementById('matter-mediation-open') as HTMLElement)
    await waitFor(() =>
      expect(T.navigateTo).toHaveBeenCalledWith({
        url: '/packages/mediation/pages/open/index?matterId=m1',
      }),
    )
  })

  it('no case, no officer: nothing about mediation', async () => {
    await open({})
    expect(shown('matter-mediation')).toBe(false)
  })
})
