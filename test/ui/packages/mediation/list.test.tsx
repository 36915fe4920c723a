/**
 * 调解案件 (the legal officer's and the committee's list) and 开始调解 (the officer chooses the
 * parties), each one call on open; `fetch` is the boundary (serve).
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { MediationsScreen } from '../../../../src/packages/mediation/pages/list'
import { OpenMediationScreen } from '../../../../src/packages/mediation/pages/open'
import { fakeTaro, ok, refuse, serve, type TaroFakes } from '../../pages/fakes'
import { brief, caseView } from './fixtures'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
beforeEach(() => {
  taro = fakeTaro()
})

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const textOf = (id: string) => (document.getElementById(id)?.textContent ?? '').replace(/\s+/g, '')

describe('调解案件', () => {
  it('lists the cases: whole ones with their parties, a brief with its word only', async () => {
    const calls = serve({
      listMediations: ok({
        items: [
          caseView({ mayConfirm: true }),
          brief({ matterId: 'm2', matterTitle: '宅基地边界', statusLabel: '调解结束' }),
        ],
      }),
    })
    render(<MediationsScreen />)
    await screen.findByText('两家院墙之间的排水沟')
    expect(calls.map((c) => `${c.fn}.${c.action}`)).toEqual(['mediation.listMediations'])
    expect(textOf('mediations-m1')).toBe(
      '两家院墙之间的排水沟调解中·当事人：陈大山、刘玉兰等您确认调解协议',
    )
    expect(textOf('mediations-m2')).toBe('宅基地边界调解结束')
    tap('mediations-m2')
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/mediation/pages/case/index?matterId=m2',
    })
  })

  it('no case yet: says so, and where one begins', async () => {
    serve({ listMediations: ok({ items: [] }) })
    render(<MediationsScreen />)
    expect(await screen.findByText('还没有调解案件')).toBeTruthy()
  })
})

describe('开始调解', () => {
  const members = [
    { memberId: 'demo-resident-1', name: '陈大山' },
    { memberId: 'demo-resident-2', name: '刘玉兰' },
    { memberId: 'demo-m09', name: '王丽' },
  ]

  it('two parties at least, a question naming them, then on to the case', async () => {
    const calls = serve({ listPartyChoices: ok({ members }), openMediation: ok(caseView()) })
    render(<OpenMediationScreen matterId="m1" />)
    await waitFor(() => expect(document.getElementById('open-mediation-start')).toBeTruthy())
    expect(calls.map((c) => `${c.fn}.${c.action}`)).toEqual(['mediation.listPartyChoices'])
    tap('open-mediation-demo-resident-1')
    tap('open-mediation-start')
    expect(await screen.findByText('调解至少要有两位当事人，请再选。')).toBeTruthy()
    expect(taro.showModal).not.toHaveBeenCalled()
    tap('open-mediation-demo-resident-2')
    expect(textOf('open-mediation-demo-resident-2')).toBe('刘玉兰（已选）')
    tap('open-mediation-start')
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenCalledWith({
        url: '/packages/mediation/pages/case/index?matterId=m1',
      }),
    )
    expect(taro.showModal.mock.calls[0][0].content).toContain('当事人：陈大山、刘玉兰')
    expect(calls.filter((c) => c.action === 'openMediation').map((c) => c.payload)).toEqual([
      { matterId: 'm1', partyIds: ['demo-resident-1', 'demo-resident-2'] },
    ])
  })

  it('someone who may not: the refusal in words', async () => {
    serve({ listPartyChoices: refuse('FORBIDDEN', '您没有权限做这件事。') })
    render(<OpenMediationScreen matterId="m1" />)
    expect(await screen.findByText('您没有权限做这件事。')).toBeTruthy()
  })
})
