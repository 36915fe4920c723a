/**
 * The raise-matter form checks with the very schema the `matters` function checks with: what is
 * wrong shows in the same plain Chinese before anything is sent. The network is the boundary here:
 * `fetch` answers as the emulator's /fn/matters would (the real round trip is in e2e/raise).
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import RaiseMatter from '../../../../../../src/packages/matters/pages/raise'
import { setLargeText } from '../../../../../../src/services/largeText'
import { fakeTaro, type TaroFakes } from '../../../../pages/fakes'

type Call = { url: string; body: unknown }
let calls: Call[]
let answer: unknown

/** village.getMe: a village that promises an answer within 5 days (not the default 3). */
const ME = {
  ok: true,
  data: {
    member: null,
    village: { id: 'v', name: '西村', talkDays: [5, 15, 25], responseDeadlineDays: 5 },
  },
}

let taro: TaroFakes

beforeEach(() => {
  // Storage starts empty: no kept draft, no consent, 大字模式 off.
  taro = fakeTaro()
  calls = []
  answer = { ok: true, data: { matterId: 'm1' } }
  global.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { action?: string }
    // The page asks who the caller is once, for its promise; `calls` holds what the form sends.
    if (body.action === 'getMe') return { ok: true, status: 200, json: async () => ME } as Response
    calls.push({ url: String(url), body })
    return { ok: true, status: 200, json: async () => answer } as Response
  }) as typeof fetch
})

const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

describe('我要提事 (raise a matter)', () => {
  it('an empty form names what is missing and sends nothing', async () => {
    render(<RaiseMatter />)
    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('请填写标题')).toBeTruthy()
    expect(screen.getByText('请填写内容')).toBeTruthy()
    expect(calls).toEqual([])
  })

  it('a title over 60 characters gets the function’s own message, before sending', async () => {
    render(<RaiseMatter />)
    type('raise-title', '长'.repeat(61))
    type('raise-body', '内容')
    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('标题不能超过 60 个字')).toBeTruthy()
    expect(calls).toEqual([])
  })

  it('a good form is sent once, trimmed, to matters.raiseMatter, and says it is done', async () => {
    render(<RaiseMatter />)
    type('raise-title', '  村口路灯坏了 ')
    type('raise-body', '晚上看不见路。')
    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('已经提交了')).toBeTruthy()
    // The village's own response deadline, not a fixed "3 天".
    expect(
      await screen.findByText('村委会会在 5 天内答复您，可以在“我提的事”里看进展。'),
    ).toBeTruthy()
    expect(calls).toEqual([
      {
        url: '/fn/matters',
        body: {
          action: 'raiseMatter',
          payload: { title: '村口路灯坏了', body: '晚上看不见路。', photos: [] },
        },
      },
    ])
  })

  it('a refusal from the function is shown in its own words, and the form stays', async () => {
    answer = {
      ok: false,
      error: {
        code: 'UNAUTHENTICATED',
        message: '您还不是本村的认证村民，请先申请加入，等村委会审核通过。',
      },
    }
    render(<RaiseMatter />)
    type('raise-title', '路灯')
    type('raise-body', '坏了')
    fireEvent.click(screen.getByText('提交'))
    await waitFor(() => expect(calls).toHaveLength(1))
    expect(
      await screen.findByText('您还不是本村的认证村民，请先申请加入，等村委会审核通过。'),
    ).toBeTruthy()
    expect((document.getElementById('raise-title') as HTMLInputElement).value).toBe('路灯')
  })

  it('after sending, the kept draft is gone and 去“我的”看进展 opens 我的', async () => {
    const first = render(<RaiseMatter />)
    type('raise-title', '村口路灯坏了')
    type('raise-body', '晚上看不见路。')
    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('已经提交了')).toBeTruthy()
    expect(document.getElementById('raise-done')).toBeTruthy()
    fireEvent.click(screen.getByText('去“我的”看进展'))
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/me/index' })
    first.unmount()
    render(<RaiseMatter />)
    expect((document.getElementById('raise-title') as HTMLInputElement).value).toBe('')
  })

  it('what was typed is kept on the phone when the page is left before sending', async () => {
    const first = render(<RaiseMatter />)
    type('raise-title', '垃圾没人收')
    type('raise-body', '三天了')
    first.unmount()
    render(<RaiseMatter />)
    expect((document.getElementById('raise-title') as HTMLInputElement).value).toBe('垃圾没人收')
    expect((document.getElementById('raise-body') as HTMLTextAreaElement).value).toBe('三天了')
    expect(calls).toEqual([])
  })
})

describe('我要提事: the privacy consent before the first photo', () => {
  it('添加照片 asks first; 不同意 opens no photo picker and says why', async () => {
    render(<RaiseMatter />)
    fireEvent.click(document.getElementById('raise-photos') as HTMLElement)
    expect(await screen.findByText('隐私保护指引')).toBeTruthy()
    fireEvent.click(screen.getByText('不同意'))
    expect(await screen.findByText('需要您同意隐私保护指引，才能添加照片。')).toBeTruthy()
    expect(taro.chooseImage).not.toHaveBeenCalled()
  })

  it('同意 opens the photo picker, and the next photo is not asked again', async () => {
    render(<RaiseMatter />)
    fireEvent.click(document.getElementById('raise-photos') as HTMLElement)
    fireEvent.click(await screen.findByText('同意'))
    await waitFor(() => expect(taro.chooseImage).toHaveBeenCalledTimes(1))
    expect(document.getElementById('privacy-consent')).toBeNull()
    fireEvent.click(document.getElementById('raise-photos') as HTMLElement)
    await waitFor(() => expect(taro.chooseImage).toHaveBeenCalledTimes(2))
    expect(document.getElementById('privacy-consent')).toBeNull()
    expect(calls).toEqual([])
  })

  it('大字模式 puts the fs-large class on the page root', () => {
    setLargeText(true)
    render(<RaiseMatter />)
    expect(document.getElementById('screen')?.classList.contains('fs-large')).toBe(true)
  })
})
