/**
 * 发起表决: the design check runs on the phone as the draft is written, with the village's counts
 * and settings and the matter's category and 四议; its refusal shows in words before opening; the
 * draft is saved, then opened after a confirmation (the electorate is frozen), then 现场投票.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { PollDraftScreen } from '../../../../src/packages/committee/pages/poll'
import type { VillageView } from '../../../../types/api/village'
import { fixShanghaiClock } from '../../../support/clock'
import { detail, poll } from '../matters/detail/fixtures'
import { fakeTaro, ok, refuse, serve, type TaroFakes } from '../../pages/fakes'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
beforeEach(() => {
  // Saturday 21 November 2026, 09:00 Shanghai.
  fixShanghaiClock('2026-11-21T09:00:00')
  taro = fakeTaro()
})
afterEach(() => jest.useRealTimers())

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })
const words = (id: string) => document.getElementById(id)?.textContent ?? ''

const VILLAGE: VillageView = {
  id: 'v1',
  name: '西村',
  talkDays: [4, 14, 24],
  counts: { adults: 40, households: 15, representatives: 7 },
  settings: {
    agendaSize: 10,
    responseDeadlineDays: 3,
    reportThreshold: 3,
    ratingWindowDays: 7,
    pollNoticeDays: 3,
    proxyLimit: 2,
  },
}

const ORCHARD = {
  key: 'collectiveEnterprise' as const,
  label: '集体经济项目立项和承包',
  art24: true,
  clause: '第二十四条第五项',
}
const step = (s: 'proposal' | 'consultation' | 'review', date: string) => ({
  step: s,
  label: s,
  date,
  expected: 9,
  present: 8,
  result: '同意',
  note: '',
  at: `${date}T02:00:00.000Z`,
})

/** An Art. 24 matter in discussion, its 四议 recorded (or not). */
const art24 = (steps = true) =>
  detail({
    id: 'm1',
    title: '集体果园承包给谁',
    status: 'discussing',
    category: ORCHARD,
    photos: [],
    handling: undefined,
    procedure: steps
      ? [
          step('proposal', '2026-11-10'),
          step('consultation', '2026-11-12'),
          step('review', '2026-11-15'),
        ]
      : [],
    can: ['draftPoll'],
  })

describe('发起表决', () => {
  it('reads the matter and the village, and starts from the earliest lawful closing day', async () => {
    const calls = serve({ getMatter: ok(art24()), getVillage: ok(VILLAGE) })
    render(<PollDraftScreen matterId="m1" />)
    expect(await screen.findByText('事项：集体果园承包给谁')).toBeTruthy()
    expect(calls.map((c) => `${c.fn}.${c.action}`)).toEqual([
      'matters.getMatter',
      'village.getVillage',
    ])
    // The assembly by default: 10 days' notice, closing on the talk day after (4 December).
    expect((document.getElementById('poll-closes') as HTMLInputElement).value).toBe('2026-12-04')
    expect(words('poll-closes-words')).toBe('12月4日（星期五） 21:00 截止')
    expect(words('poll-design-ok')).toBe('检查通过，可以开始表决。')
  })

  it('refuses a 民意征询 on an Art. 24 matter in words, and the open button with it', async () => {
    const calls = serve({ getMatter: ok(art24()), getVillage: ok(VILLAGE) })
    render(<PollDraftScreen matterId="m1" />)
    await screen.findByText('事项：集体果园承包给谁')
    type('poll-question', '果园承包给谁，听听大家意见')
    tap('poll-body-consult')
    expect(words('poll-design-refusal')).toBe(
      '现在还不能开始：「集体经济项目立项和承包」是村民委员会组织法第二十四条第五项规定的事项，要由村民会议或经授权的村民代表会议投票决定，不能用民意征询决定。',
    )
    // The closing day follows the body until the committee types one: 3 days for a consultation.
    expect((document.getElementById('poll-closes') as HTMLInputElement).value).toBe('2026-11-24')
    tap('poll-open')
    expect(taro.showModal).not.toHaveBeenCalled()
    expect(calls.map((c) => c.action)).toEqual(['getMatter', 'getVillage'])
  })

  it('refuses the assembly until the 四议 steps are recorded', async () => {
    serve({ getMatter: ok(art24(false)), getVillage: ok(VILLAGE) })
    render(<PollDraftScreen matterId="m1" />)
    await screen.findByText('事项：集体果园承包给谁')
    expect(words('poll-design-refusal')).toContain(
      '投票前要先完成“四议”的前三步：还没有记录党支部会提议、两委会商议、党员大会审议。',
    )
  })

  it('refuses a closing day too early for the assembly, as typed', async () => {
    serve({ getMatter: ok(art24()), getVillage: ok(VILLAGE) })
    render(<PollDraftScreen matterId="m1" />)
    await screen.findByText('事项：集体果园承包给谁')
    type('poll-closes', '2026-11-24')
    expect(words('poll-design-refusal')).toBe(
      '现在还不能开始：召开村民会议要提前 10 天通知村民（村民委员会组织法第二十一条）：这次投票最早在 12月4日（星期五）的说事日截止，11月24日 21:00 太早了。',
    )
    tap('poll-closes-default')
    expect(words('poll-design-ok')).toBe('检查通过，可以开始表决。')
  })

  it('checks a choice poll’s options as they are typed', async () => {
    serve({ getMatter: ok(art24()), getVillage: ok(VILLAGE) })
    render(<PollDraftScreen matterId="m1" />)
    await screen.findByText('事项：集体果园承包给谁')
    tap('poll-kind-choice')
    expect(words('poll-design-refusal')).toBe('现在还不能开始：第 1 个选项是空的。')
    type('poll-option-1', '李家')
    type('poll-option-2', '李家')
    expect(words('poll-design-refusal')).toBe('现在还不能开始：选项「李家」重复了。')
    type('poll-option-2', '王家')
    expect(words('poll-design-ok')).toBe('检查通过，可以开始表决。')
  })

  it('saves the draft, opens it after a yes, then goes to 现场投票', async () => {
    const calls = serve({
      getMatter: ok(art24()),
      getVillage: ok(VILLAGE),
      draftPoll: ok({ pollId: 'p9', closesAt: '2026-12-04T13:00:00.000Z' }),
      openPoll: ok({ closesAt: '2026-12-04T13:00:00.000Z', electorateSize: 40 }),
    })
    render(<PollDraftScreen matterId="m1" />)
    await screen.findByText('事项：集体果园承包给谁')
    tap('poll-open')
    // An empty question is named before anything is sent.
    expect(await screen.findByText('请填写表决的问题')).toBeTruthy()
    expect(calls.map((c) => c.action)).toEqual(['getMatter', 'getVillage'])
    type('poll-question', '同意把果园承包给李家吗？')
    tap('poll-open')
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenCalledWith({
        url: '/packages/committee/pages/meeting/index?pollId=p9',
      }),
    )
    // Asked once: the empty question was named before any question was asked.
    expect(taro.showModal.mock.calls.map((c) => c[0].content)).toEqual([
      '开始后选民名单就定下来了，问题、选项和截止时间都不能再改。确定开始吗？',
    ])
    expect(calls.slice(2).map((c) => [c.action, c.payload])).toEqual([
      [
        'draftPoll',
        {
          matterId: 'm1',
          question: '同意把果园承包给李家吗？',
          kind: 'yesNo',
          options: [],
          maxSelections: 1,
          body: 'assembly',
          secret: true,
          closesAt: '2026-12-04T13:00:00.000Z',
        },
      ],
      ['openPoll', { pollId: 'p9' }],
    ])
  })

  it('shows the function’s own refusal at opening, and keeps the draft', async () => {
    const calls = serve({
      getMatter: ok(art24()),
      getVillage: ok(VILLAGE),
      draftPoll: ok({ pollId: 'p9', closesAt: '2026-12-04T13:00:00.000Z' }),
      updateDraft: ok({ closesAt: '2026-12-04T13:00:00.000Z' }),
      openPoll: refuse(
        'POLL_DESIGN',
        '选民名单是空的：名册上还没有 18 岁以上的村民，没有人可以投票，不能开始。',
      ),
    })
    render(<PollDraftScreen matterId="m1" />)
    await screen.findByText('事项：集体果园承包给谁')
    type('poll-question', '同意吗？')
    tap('poll-open')
    expect(
      await screen.findByText(
        '选民名单是空的：名册上还没有 18 岁以上的村民，没有人可以投票，不能开始。',
      ),
    ).toBeTruthy()
    expect(taro.redirectTo).not.toHaveBeenCalled()
    // A second try edits the saved draft instead of writing another.
    tap('poll-open')
    await waitFor(() => expect(calls.filter((c) => c.action === 'openPoll')).toHaveLength(2))
    expect(calls.map((c) => c.action)).toEqual([
      'getMatter',
      'getVillage',
      'draftPoll',
      'openPoll',
      'updateDraft',
      'openPoll',
    ])
  })

  it('edits a draft (`?pollId=`): its fields, then updateDraft', async () => {
    const calls = serve({
      getPoll: ok(
        poll({
          id: 'p3',
          matterId: 'm1',
          status: 'draft',
          phase: 'draft',
          question: '果园承包给谁？',
          kind: 'choice',
          options: [
            { id: 'o1', label: '李家' },
            { id: 'o2', label: '王家' },
          ],
          body: 'households',
          secret: false,
          closesAt: '2026-11-30T13:00:00.000Z',
        }),
      ),
      getMatter: ok(art24()),
      getVillage: ok(VILLAGE),
      updateDraft: ok({ closesAt: '2026-11-30T13:00:00.000Z' }),
    })
    render(<PollDraftScreen pollId="p3" />)
    await screen.findByText('事项：集体果园承包给谁')
    expect((document.getElementById('poll-option-2') as HTMLInputElement).value).toBe('王家')
    expect((document.getElementById('poll-closes') as HTMLInputElement).value).toBe('2026-11-30')
    expect(words('poll-body-households')).toBe('户代表投票（每户一票）（已选）')
    expect(words('poll-secret-no')).toBe('记名：谁投了什么公开（已选）')
    tap('poll-save')
    expect(await screen.findByText('草稿已保存，还没有开始投票。')).toBeTruthy()
    expect(calls.map((c) => c.action)).toEqual([
      'getPoll',
      'getMatter',
      'getVillage',
      'updateDraft',
    ])
    expect(calls[3].payload).toEqual({
      pollId: 'p3',
      question: '果园承包给谁？',
      kind: 'choice',
      options: ['李家', '王家'],
      maxSelections: 1,
      body: 'households',
      secret: false,
      closesAt: '2026-11-30T13:00:00.000Z',
    })
  })
})
