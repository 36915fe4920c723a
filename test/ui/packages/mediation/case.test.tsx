/**
 * 调解: one case as each of its readers sees it. `fetch` is the boundary (serve); what the page
 * shows and offers comes from the getMediation answer (kind, mayConfirm, mayLead); every act sends
 * what the function's schema asks and shows the case it answers. The real round trips are in
 * e2e/journeys/mediation.e2e.test.ts.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { MediationScreen } from '../../../../src/packages/mediation/pages/case'
import { meetingInstant } from '../../../../src/packages/mediation/pages/case/panels'
import { fixShanghaiClock } from '../../../support/clock'
import { fakeTaro, ok, refuse, serve, type TaroFakes } from '../../pages/fakes'
import { brief, caseView } from './fixtures'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
beforeEach(() => {
  fixShanghaiClock('2026-11-21T09:00:00')
  taro = fakeTaro()
})
afterEach(() => jest.useRealTimers())

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })
const textOf = (id: string) => (document.getElementById(id)?.textContent ?? '').replace(/\s+/g, '')
const shown = (id: string) => document.getElementById(id) !== null
const OFFICER_ACTS = [
  'mediation-meeting-card',
  'mediation-propose-card',
  'mediation-failure-card',
  'mediation-refer-card',
]

describe('调解: a party who has yet to confirm', () => {
  it('reads the whole case with the agreement in large type, and one clear button', async () => {
    const calls = serve({ getMediation: ok(caseView({ mayConfirm: true })) })
    render(<MediationScreen matterId="m1" />)
    await screen.findByText('我同意这份调解协议', { selector: 'button *, button' })
    expect(calls.map((c) => `${c.fn}.${c.action}`)).toEqual(['mediation.getMediation'])
    expect(textOf('mediation-status')).toBe('调解中')
    expect(textOf('mediation-officer')).toBe('主持调解的法治委员：王德福')
    const text = document.getElementById('mediation-agreement-text') as HTMLElement
    expect(text.className).toContain('med__agreement')
    expect(text.textContent).toBe('排水沟由两家各出一半钱修好，陈家负责清理。')
    expect(textOf('mediation-party-demo-resident-1')).toBe('陈大山还没有确认')
    expect(textOf('mediation-meetings')).toContain('村委会调解室')
    for (const id of OFFICER_ACTS) expect(shown(id)).toBe(false)
  })

  it('asks that it is their own agreement, then confirms the very text shown', async () => {
    const calls = serve({
      getMediation: ok(caseView({ mayConfirm: true })),
      confirmAgreement: ok(
        caseView({
          parties: [
            {
              memberId: 'demo-resident-1',
              name: '陈大山',
              confirmedAt: '2026-11-21T01:00:00.000Z',
            },
            { memberId: 'demo-resident-2', name: '刘玉兰' },
          ],
        }),
      ),
    })
    render(<MediationScreen matterId="m1" />)
    await waitFor(() => expect(shown('mediation-confirm')).toBe(true))
    tap('mediation-confirm')
    await waitFor(() => expect(textOf('mediation-done')).toBe('您已同意这份调解协议。'))
    const asked = taro.showModal.mock.calls[0][0]
    expect(asked.title).toBe('我同意这份调解协议')
    expect(asked.content).toContain('这是您本人的决定')
    expect(calls.filter((c) => c.action === 'confirmAgreement').map((c) => c.payload)).toEqual([
      { caseId: 'm1', proposedAt: '2026-11-20T03:00:00.000Z' },
    ])
    expect(shown('mediation-confirm')).toBe(false)
    expect(textOf('mediation-party-demo-resident-1')).toBe('陈大山已同意（11月21日09:00）')
  })

  it('a no sends nothing; a text changed meanwhile is said in words', async () => {
    const calls = serve({
      getMediation: ok(caseView({ mayConfirm: true })),
      confirmAgreement: refuse('CONFLICT', '调解协议已经修改，请重新阅读后再确认。'),
    })
    render(<MediationScreen matterId="m1" />)
    await waitFor(() => expect(shown('mediation-confirm')).toBe(true))
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    tap('mediation-confirm')
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1))
    expect(calls.some((c) => c.action === 'confirmAgreement')).toBe(false)
    tap('mediation-confirm')
    expect(await screen.findByText('调解协议已经修改，请重新阅读后再确认。')).toBeTruthy()
  })

  it('the last yes: 已调解', async () => {
    serve({
      getMediation: ok(caseView({ mayConfirm: true })),
      confirmAgreement: ok(
        caseView({ status: 'agreed', statusLabel: '已调解', closedOn: '2026-11-21' }),
      ),
    })
    render(<MediationScreen matterId="m1" />)
    await waitFor(() => expect(shown('mediation-confirm')).toBe(true))
    tap('mediation-confirm')
    await waitFor(() => expect(textOf('mediation-status')).toBe('已调解'))
    expect(textOf('mediation-done')).toBe('您已同意。双方都同意了，调解完成。')
  })
})

describe('调解: the legal officer', () => {
  const officer = (over = {}) => caseView({ mayLead: true, agreement: undefined, ...over })

  it('sees the four acts and no confirm button', async () => {
    serve({ getMediation: ok(officer()) })
    render(<MediationScreen matterId="m1" />)
    await waitFor(() => expect(shown('mediation-meeting-card')).toBe(true))
    for (const id of OFFICER_ACTS) expect(shown(id)).toBe(true)
    expect(shown('mediation-confirm')).toBe(false)
    expect(textOf('mediation-agreement')).toContain('法治委员还没有拟定调解协议')
    expect(textOf('mediation-party-demo-resident-2')).toBe('刘玉兰等协议拟好')
  })

  it('records a meeting: place, time (today, now, to begin with), notes', async () => {
    const calls = serve({ getMediation: ok(officer()), recordMeeting: ok(officer()) })
    render(<MediationScreen matterId="m1" />)
    await waitFor(() => expect(shown('mediation-meeting-save')).toBe(true))
    tap('mediation-meeting-save')
    expect(await screen.findByText('请填写调解地点')).toBeTruthy()
    type('mediation-meeting-place', '村委会调解室')
    type('mediation-meeting-time', '8:30')
    type('mediation-meeting-notes', '两家各让一步。')
    tap('mediation-meeting-save')
    await waitFor(() => expect(textOf('mediation-done')).toBe('已记录这次调解'))
    expect(calls.filter((c) => c.action === 'recordMeeting').map((c) => c.payload)).toEqual([
      {
        caseId: 'm1',
        at: '2026-11-21T00:30:00.000Z',
        place: '村委会调解室',
        notes: '两家各让一步。',
      },
    ])
  })

  it('a time that is not one is refused before sending', () => {
    expect(meetingInstant('2026-11-21', '09:30')).toBe('2026-11-21T01:30:00.000Z')
    expect(meetingInstant('2026-11-21', '9点半')).toBe('')
    expect(meetingInstant('11月21日', '09:30')).toBe('')
  })

  it('proposes the agreement after a question, and shows it', async () => {
    const proposed = officer({
      agreement: { text: '各出一半。', proposedAt: '2026-11-21T01:00:00.000Z' },
    })
    const calls = serve({ getMediation: ok(officer()), proposeAgreement: ok(proposed) })
    render(<MediationScreen matterId="m1" />)
    await waitFor(() => expect(shown('mediation-propose-text')).toBe(true))
    type('mediation-propose-text', '各出一半。')
    tap('mediation-propose-save')
    await waitFor(() => expect(textOf('mediation-agreement-text')).toBe('各出一半。'))
    expect(taro.showModal.mock.calls[0][0].title).toBe('拟定调解协议')
    expect(calls.filter((c) => c.action === 'proposeAgreement').map((c) => c.payload)).toEqual([
      { caseId: 'm1', text: '各出一半。' },
    ])
    // Now a change of text is said to clear the confirmations.
    expect(textOf('mediation-propose-card')).toContain('改调解协议')
  })

  it('调解未成 and 转法律援助, each behind its own button', async () => {
    const failed = officer({ status: 'failed', statusLabel: '调解未成' })
    const calls = serve({
      getMediation: ok(officer()),
      recordFailure: ok(failed),
      referToLegalAid: ok(
        officer({
          status: 'referred',
          statusLabel: '已转法律援助',
          referral: { to: '区法律援助中心', at: '2026-11-21T01:00:00.000Z', note: '' },
        }),
      ),
    })
    render(<MediationScreen matterId="m1" />)
    await waitFor(() => expect(shown('mediation-failure-open')).toBe(true))
    tap('mediation-failure-open')
    type('mediation-failure-note', '分歧太大')
    tap('mediation-failure-save')
    await waitFor(() => expect(textOf('mediation-status')).toBe('调解未成'))
    // Failed: only 转法律援助 is left.
    expect(shown('mediation-meeting-card')).toBe(false)
    expect(shown('mediation-failure-card')).toBe(false)
    tap('mediation-refer-open')
    tap('mediation-refer-save')
    expect(await screen.findByText('请填写转往的法律援助机构')).toBeTruthy()
    type('mediation-refer-to', '区法律援助中心')
    tap('mediation-refer-save')
    await waitFor(() => expect(textOf('mediation-status')).toBe('已转法律援助'))
    expect(textOf('mediation-referral')).toContain('转给：区法律援助中心')
    expect(calls.filter((c) => c.action !== 'getMediation')).toEqual([
      { fn: 'mediation', action: 'recordFailure', payload: { caseId: 'm1', note: '分歧太大' } },
      {
        fn: 'mediation',
        action: 'referToLegalAid',
        payload: { caseId: 'm1', to: '区法律援助中心', note: '' },
      },
    ])
  })
})

describe('调解: the committee', () => {
  it('reads the whole case, acts on nothing', async () => {
    serve({ getMediation: ok(caseView()) })
    render(<MediationScreen matterId="m1" />)
    await waitFor(() => expect(shown('mediation-agreement-text')).toBe(true))
    for (const id of [...OFFICER_ACTS, 'mediation-confirm']) expect(shown(id)).toBe(false)
  })
})

describe('调解: any other member of the village', () => {
  it('sees only the title and the word: no party, no agreement', async () => {
    serve({ getMediation: ok(brief()) })
    render(<MediationScreen matterId="m1" />)
    await waitFor(() => expect(textOf('mediation-status')).toBe('已调解'))
    expect(textOf('mediation-title')).toBe('两家院墙之间的排水沟')
    for (const id of ['mediation-agreement', 'mediation-parties', 'mediation-meetings'])
      expect(shown(id)).toBe(false)
    expect(document.body.textContent).not.toContain('陈大山')
    tap('mediation-matter-link')
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/matters/pages/detail/index?id=m1',
    })
  })

  it('another village, or no case: the refusal in words', async () => {
    serve({ getMediation: refuse('NOT_FOUND', '找不到这起调解。') })
    render(<MediationScreen matterId="m1" />)
    expect(await screen.findByText('找不到这起调解。')).toBeTruthy()
  })
})
