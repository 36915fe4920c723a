/**
 * 处理事项: the committee on one matter. `fetch` is the boundary (serve); the buttons come from
 * the answer's `can`; every act is checked with the function's own schema before it is sent and
 * asks before what cannot be undone. The real round trips are in the e2e journeys.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { CommitteeMatterScreen } from '../../../../src/packages/committee/pages/matter'
import { fixShanghaiClock } from '../../../support/clock'
import { detail } from '../matters/detail/fixtures'
import { fakeTaro, ok, refuse, serve, VILLAGE, type TaroFakes } from '../../pages/fakes'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
beforeEach(() => {
  // Saturday 21 November 2026, 09:00 Shanghai; talk days 4, 14, 24; 3 days to answer.
  fixShanghaiClock('2026-11-21T09:00:00')
  taro = fakeTaro()
})
afterEach(() => jest.useRealTimers())

const ME = ok({ member: null, village: VILLAGE })
const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })
const textOf = (id: string) => (document.getElementById(id)?.textContent ?? '').replace(/\s+/g, '')

/** Raised Friday 20 November 08:00 Shanghai: answer by Monday 23rd 08:00 (47 hours left). */
const raised = (more = {}) =>
  detail({
    status: 'raised',
    raisedAt: '2026-11-20T00:00:00.000Z',
    talkDay: undefined,
    category: undefined,
    decision: undefined,
    handling: undefined,
    minutes: [],
    photos: [],
    can: ['acceptMatter', 'declineMatter', 'mergeMatter'],
    ...more,
  })

describe('处理事项: a raised matter', () => {
  it('reads the matter and the village, and shows the 接诉即办 clock', async () => {
    const calls = serve({ getMatter: ok(raised()), getMe: ME })
    render(<CommitteeMatterScreen matterId="m1" />)
    expect(await screen.findByText('还剩 1 天 23 小时答复')).toBeTruthy()
    expect(textOf('cmatter-clock')).toContain('要在11月23日08:00前答复（本村3天内答复）')
    expect(calls.map((c) => `${c.fn}.${c.action}`)).toEqual(['matters.getMatter', 'village.getMe'])
  })

  it('shows an overdue clock in red', async () => {
    serve({ getMatter: ok(raised({ raisedAt: '2026-11-16T00:00:00.000Z' })), getMe: ME })
    render(<CommitteeMatterScreen matterId="m1" />)
    const late = await screen.findByText('已超期 2 天 1 小时')
    expect(late.className).toContain('cm__alarm')
  })

  it('accepts onto the next talk day with the chosen category, after a confirmation', async () => {
    let accepted = false
    const calls = serve({
      getMatter: () =>
        ok(accepted ? raised({ status: 'accepted', talkDay: '2026-11-24', can: [] }) : raised()),
      getMe: ME,
      acceptMatter: () => {
        accepted = true
        return ok({ talkDay: '2026-11-24' })
      },
    })
    render(<CommitteeMatterScreen matterId="m1" />)
    await screen.findByText('受理', { selector: '.cm__section' })
    expect(textOf('cmatter-when-next')).toBe('下一个说事日（11月24日（星期二））（已选）')
    // Without a category nothing is sent.
    tap('cmatter-accept')
    expect(await screen.findByText('请先选这件事属于哪一类。')).toBeTruthy()
    expect(taro.showModal).not.toHaveBeenCalled()
    tap('cmatter-accept-category-roadsUtilities')
    tap('cmatter-accept')
    await waitFor(() => expect(textOf('cmatter-done')).toBe('已受理'))
    expect(taro.showModal.mock.calls[0][0].content).toBe(
      '受理“村口路灯坏了”，类别“道路水电”，下一个说事日（11月24日（星期二））。受理后不能撤回，确定吗？',
    )
    expect(calls.filter((c) => c.action === 'acceptMatter').map((c) => c.payload)).toEqual([
      { matterId: 'm1', category: 'roadsUtilities', urgent: false },
    ])
    // The matter read again: now on the 24th, and no accept any more.
    expect(textOf('cmatter-talkday')).toBe('说事日：11月24日（星期二）')
    expect(document.getElementById('cmatter-accept')).toBeNull()
  })

  it('accepts onto a later talk day, or as urgent (遇事解事)', async () => {
    const calls = serve({ getMatter: ok(raised()), getMe: ME, acceptMatter: ok({}) })
    render(<CommitteeMatterScreen matterId="m1" />)
    await screen.findByText('受理', { selector: '.cm__section' })
    expect(document.getElementById('cmatter-when-2026-12-04')).toBeTruthy()
    expect(document.getElementById('cmatter-when-2026-12-14')).toBeTruthy()
    tap('cmatter-accept-category-collectiveEnterprise')
    tap('cmatter-when-2026-12-04')
    tap('cmatter-accept')
    await waitFor(() => expect(calls.some((c) => c.action === 'acceptMatter')).toBe(true))
    tap('cmatter-when-urgent')
    tap('cmatter-accept')
    await waitFor(() => expect(calls.filter((c) => c.action === 'acceptMatter')).toHaveLength(2))
    expect(calls.filter((c) => c.action === 'acceptMatter').map((c) => c.payload)).toEqual([
      { matterId: 'm1', category: 'collectiveEnterprise', urgent: false, talkDay: '2026-12-04' },
      { matterId: 'm1', category: 'collectiveEnterprise', urgent: true },
    ])
  })

  it('declines only with a reason and after a yes; a no sends nothing', async () => {
    const calls = serve({
      getMatter: ok(raised()),
      getMe: ME,
      declineMatter: refuse('CONFLICT', '这件事现在是“已受理”，不能不予受理。'),
    })
    render(<CommitteeMatterScreen matterId="m1" />)
    await screen.findByText('受理', { selector: '.cm__section' })
    tap('cmatter-open-decline')
    tap('cmatter-decline')
    expect(await screen.findByText('请填写不予受理的理由')).toBeTruthy()
    type('cmatter-decline-reason', '归镇里管')
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    tap('cmatter-decline')
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1))
    expect(calls.some((c) => c.action === 'declineMatter')).toBe(false)
    tap('cmatter-decline')
    expect(await screen.findByText('这件事现在是“已受理”，不能不予受理。')).toBeTruthy()
    expect(calls.filter((c) => c.action === 'declineMatter').map((c) => c.payload)).toEqual([
      { matterId: 'm1', reason: '归镇里管' },
    ])
  })

  it('merges into a matter found by a word, never into itself or an ended one', async () => {
    const found = [
      { ...raised({ id: 'm1' }) },
      { ...raised({ id: 'm2', title: '路灯晚上不亮', status: 'accepted' }) },
      { ...raised({ id: 'm3', title: '路灯的事', status: 'closed' }) },
    ]
    const calls = serve({
      getMatter: ok(raised()),
      getMe: ME,
      listMatters: ok({ items: found }),
      mergeMatter: ok({ ok: true }),
    })
    render(<CommitteeMatterScreen matterId="m1" />)
    await screen.findByText('受理', { selector: '.cm__section' })
    tap('cmatter-open-merge')
    type('cmatter-merge-q', '路灯')
    tap('cmatter-merge-search')
    await screen.findByText('路灯晚上不亮（已受理）')
    expect(document.getElementById('cmatter-merge-m1')).toBeNull()
    expect(document.getElementById('cmatter-merge-m3')).toBeNull()
    tap('cmatter-merge-m2')
    tap('cmatter-merge')
    await waitFor(() => expect(textOf('cmatter-done')).toBe('已合并到“路灯晚上不亮”'))
    expect(calls.find((c) => c.action === 'listMatters')?.payload).toEqual({
      q: '路灯',
      mine: false,
      overdue: false,
      limit: 20,
    })
    expect(calls.find((c) => c.action === 'mergeMatter')?.payload).toEqual({
      matterId: 'm1',
      intoId: 'm2',
    })
  })
})

describe('处理事项: buttons from `can`', () => {
  it('offers nothing the answer does not allow, and reads only the matter when not raised', async () => {
    const calls = serve({ getMatter: ok(detail({ can: [] })) })
    render(<CommitteeMatterScreen matterId="m1" />)
    await screen.findByText('村口路灯坏了')
    for (const id of [
      'cmatter-accept',
      'cmatter-open-decline',
      'cmatter-open-merge',
      'cmatter-open-category',
      'cmatter-start',
      'cmatter-poll',
      'cmatter-assign',
      'cmatter-progress-send',
      'cmatter-resolve',
      'cmatter-close',
    ]) {
      expect(document.getElementById(id)).toBeNull()
    }
    expect(document.getElementById('cmatter-clock')).toBeNull()
    expect(calls.map((c) => c.action)).toEqual(['getMatter'])
    tap('cmatter-resident-link')
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/matters/pages/detail/index?id=m1',
    })
  })

  it('links 发起表决 to a new draft of this matter', async () => {
    serve({
      getMatter: ok(detail({ status: 'discussing', handling: undefined, can: ['draftPoll'] })),
    })
    render(<CommitteeMatterScreen matterId="m1" />)
    await screen.findByText('发起表决 ›')
    tap('cmatter-poll')
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/committee/pages/poll/index?matterId=m1',
    })
  })
})

describe('处理事项: 四议, handling, progress, resolve', () => {
  it('records the next 四议 step in order, with its labels', async () => {
    const calls = serve({
      getMatter: ok(
        detail({
          status: 'discussing',
          handling: undefined,
          category: {
            key: 'collectiveEnterprise',
            label: '集体经济项目立项和承包',
            art24: true,
            clause: '第二十四条第五项',
          },
          procedure: [
            {
              step: 'proposal',
              label: '党支部会提议',
              date: '2026-11-10',
              expected: 7,
              present: 6,
              result: '同意提议',
              note: '',
              at: '2026-11-10T02:00:00.000Z',
            },
          ],
          can: ['recordProcedureStep', 'changeCategory'],
        }),
      ),
      recordProcedureStep: ok({ ok: true }),
    })
    render(<CommitteeMatterScreen matterId="m1" />)
    await screen.findByText('记录：两委会商议')
    expect(textOf('cmatter-step-proposal')).toBe(
      '1.党支部会提议：2026-11-10，应到7人，实到6人，结果：同意提议',
    )
    expect(textOf('cmatter-step-review')).toBe('3.党员大会审议：还没有记录')
    tap('cmatter-step-save')
    expect(await screen.findByText('应到人数应当是 0 到 100000 之间的整数')).toBeTruthy()
    expect(calls.some((c) => c.action === 'recordProcedureStep')).toBe(false)
    type('cmatter-step-date', '2026-11-12')
    type('cmatter-step-expected', '9')
    type('cmatter-step-present', '8')
    type('cmatter-step-result', '同意')
    tap('cmatter-step-save')
    await waitFor(() => expect(textOf('cmatter-done')).toBe('已记录“两委会商议”'))
    expect(calls.find((c) => c.action === 'recordProcedureStep')?.payload).toEqual({
      matterId: 'm1',
      step: 'consultation',
      date: '2026-11-12',
      expected: 9,
      present: 8,
      result: '同意',
      note: '',
    })
  })

  it('assigns a verified member by a deadline', async () => {
    const calls = serve({
      getMatter: ok(detail({ status: 'decided', handling: undefined, can: ['assignHandling'] })),
      listMembers: ok({
        members: [
          {
            id: 'mem-w',
            name: '吴建华',
            householdNo: '2-03',
            roles: ['resident'],
            status: 'verified',
          },
        ],
      }),
      assignHandling: ok({ ok: true }),
    })
    render(<CommitteeMatterScreen matterId="m1" />)
    await screen.findByText('安排办理', { selector: '.cm__section' })
    expect((document.getElementById('cmatter-deadline') as HTMLInputElement).value).toBe(
      '2026-11-28',
    )
    tap('cmatter-assign')
    expect(await screen.findByText('请选择办理人')).toBeTruthy()
    tap('cmatter-handler-choose')
    await screen.findByText('吴建华（2-03 户）')
    tap('cmatter-handler-mem-w')
    type('cmatter-deadline', '2026-11-30')
    tap('cmatter-assign')
    await waitFor(() => expect(textOf('cmatter-done')).toBe('已安排吴建华办理'))
    expect(calls.find((c) => c.action === 'listMembers')?.payload).toEqual({
      status: 'verified',
      limit: 50,
    })
    expect(calls.find((c) => c.action === 'assignHandling')?.payload).toEqual({
      matterId: 'm1',
      handlerId: 'mem-w',
      deadline: '2026-11-30',
    })
  })

  it('posts progress and resolves (after a yes) with the outcome', async () => {
    const calls = serve({
      getMatter: ok(detail({ can: ['reportProgress', 'resolveMatter'] })),
      reportProgress: ok({ ok: true }),
      resolveMatter: ok({ ok: true }),
    })
    render(<CommitteeMatterScreen matterId="m1" />)
    await screen.findByText('报告进展')
    type('cmatter-progress-text', '第二盏灯也装好了')
    tap('cmatter-progress-send')
    await waitFor(() => expect(textOf('cmatter-done')).toBe('进展已发布'))
    tap('cmatter-resolve')
    expect(await screen.findByText('请填写办理结果')).toBeTruthy()
    type('cmatter-outcome-text', '两盏路灯都修好了')
    tap('cmatter-resolve')
    await waitFor(() => expect(textOf('cmatter-done')).toBe('已办结'))
    expect(taro.showModal).toHaveBeenCalledTimes(1)
    expect(
      calls
        .filter((c) => c.fn === 'matters' && c.action !== 'getMatter')
        .map((c) => [c.action, c.payload]),
    ).toEqual([
      ['reportProgress', { matterId: 'm1', text: '第二盏灯也装好了', photos: [] }],
      ['resolveMatter', { matterId: 'm1', outcome: '两盏路灯都修好了' }],
    ])
  })
})

describe('处理事项: the categories to choose from', () => {
  it('lists the everyday ones first, then the eight of Art. 24 with their clause', async () => {
    serve({ getMatter: ok(raised()), getMe: ME })
    render(<CommitteeMatterScreen matterId="m1" />)
    await screen.findByText('受理', { selector: '.cm__section' })
    const labels = Array.from(document.querySelectorAll('[id^="cmatter-accept-category-"]')).map(
      (e) => e.textContent,
    )
    expect(labels).toEqual([
      '道路水电',
      '环境卫生',
      '治安安全',
      '邻里关系',
      '便民服务',
      '其他',
      '误工补贴人员及标准（第二十四条第一项）',
      '集体经济收益的使用（第二十四条第二项）',
      '公益事业兴办和筹资筹劳（第二十四条第三项）',
      '土地承包经营方案（第二十四条第四项）',
      '集体经济项目立项和承包（第二十四条第五项）',
      '宅基地使用方案（第二十四条第六项）',
      '征地补偿费使用和分配（第二十四条第七项）',
      '处分村集体财产（第二十四条第八项）',
    ])
  })
})
