import { act, fireEvent, render, screen } from '@testing-library/react'
import * as TaroModule from '@tarojs/taro'
import Join from '../../../../../../src/packages/me/pages/join'
import { setLargeText } from '../../../../../../src/services/largeText'
import { fakeTaro, ok, refuse, serve, type Call, type TaroFakes } from '../../../../pages/fakes'

let calls: Call[]
let taro: TaroFakes
let villages: (p: { q?: string; inviteCode?: string }) => unknown
let join: unknown

const XI = { id: 'v1', name: '西村' }
const DONG = { id: 'v2', name: '东村' }

const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

const opened = (params: Record<string, string>) =>
  jest
    .spyOn(TaroModule, 'useRouter')
    .mockReturnValue({ params, path: '/packages/me/pages/join/index' } as never)

beforeEach(() => {
  taro = fakeTaro()
  villages = (p) =>
    p.inviteCode === '4XQ9TR'
      ? ok({ villages: [XI] })
      : ok({ villages: p.inviteCode ? [] : [XI, DONG] })
  join = ok({ memberId: 'mem-9', status: 'pending' })
  calls = serve({ listVillages: (p: never) => villages(p), requestJoin: () => join })
})
afterEach(() => jest.restoreAllMocks())

/** Fills the second step as a person would. */
function fill() {
  type('join-name', ' 李秀英 ')
  type('join-household', '3-12')
}

describe('加入村子 (join a village): finding it', () => {
  it('opens with one call listing the villages; a tap chooses one', async () => {
    render(<Join />)
    fireEvent.click(await screen.findByText('东村'))
    expect(screen.getByText('要加入：东村')).toBeTruthy()
    expect(calls).toEqual([{ fn: 'village', action: 'listVillages', payload: {} }])
    expect(document.querySelectorAll('.join-village')).toHaveLength(0)
  })

  it('the villages are listed with their ids', async () => {
    render(<Join />)
    await screen.findByText('西村')
    expect(Array.from(document.querySelectorAll('.join-village')).map((v) => v.id)).toEqual([
      'village-v1',
      'village-v2',
    ])
  })

  it('opened from a QR code with ?invite=, it asks for that code and chooses the village', async () => {
    opened({ invite: '4XQ9TR' })
    render(<Join />)
    expect(await screen.findByText('要加入：西村')).toBeTruthy()
    expect(calls).toEqual([
      { fn: 'village', action: 'listVillages', payload: { inviteCode: '4XQ9TR' } },
    ])
  })

  it('a mini-program code’s scene (invite%3D…) works the same', async () => {
    opened({ scene: 'invite%3D4XQ9TR' })
    render(<Join />)
    expect(await screen.findByText('要加入：西村')).toBeTruthy()
  })

  it('a typed invite code is sent on 确定; an unknown one says so', async () => {
    render(<Join />)
    await screen.findByText('西村')
    type('join-code', 'ZZZZZZ')
    fireEvent.click(screen.getByText('确定'))
    expect(await screen.findByText('没有找到这个邀请码的村子，请核对后重新输入。')).toBeTruthy()
    type('join-code', '4XQ9TR')
    fireEvent.click(screen.getByText('确定'))
    expect(await screen.findByText('要加入：西村')).toBeTruthy()
    expect(calls.map((c) => c.payload)).toEqual([
      {},
      { inviteCode: 'ZZZZZZ' },
      { inviteCode: '4XQ9TR' },
    ])
  })

  it('the function’s own word on a malformed code is shown', async () => {
    villages = (p) =>
      p.inviteCode
        ? refuse('INVALID_INPUT', '邀请码是 6 位数字和字母，请核对后重新输入')
        : ok({ villages: [XI] })
    render(<Join />)
    await screen.findByText('西村')
    type('join-code', '12')
    fireEvent.click(screen.getByText('确定'))
    expect(await screen.findByText('邀请码是 6 位数字和字母，请核对后重新输入')).toBeTruthy()
    expect(screen.queryByText('再试一次')).toBeNull()
    // The list stays to choose from.
    expect(screen.getByText('西村')).toBeTruthy()
  })

  it('scanning the village’s QR code reads the path’s invite code', async () => {
    taro.scanCode.mockResolvedValue({
      path: 'packages/me/pages/join/index?invite=4XQ9TR',
      result: '',
    })
    render(<Join />)
    await screen.findByText('西村')
    fireEvent.click(screen.getByText('扫村里的二维码'))
    expect(await screen.findByText('要加入：西村')).toBeTruthy()
    expect(calls[1].payload).toEqual({ inviteCode: '4XQ9TR' })
  })

  it('scanning a QR code that holds the bare code works too', async () => {
    taro.scanCode.mockResolvedValue({ result: ' 4XQ9TR ' })
    render(<Join />)
    await screen.findByText('西村')
    fireEvent.click(screen.getByText('扫村里的二维码'))
    expect(await screen.findByText('要加入：西村')).toBeTruthy()
  })

  it('a scan given up says what else to do and calls nothing', async () => {
    taro.scanCode.mockRejectedValue(new Error('cancel'))
    render(<Join />)
    await screen.findByText('西村')
    fireEvent.click(screen.getByText('扫村里的二维码'))
    expect(await screen.findByText('没有扫到二维码。也可以直接输入邀请码。')).toBeTruthy()
    expect(calls).toHaveLength(1)
  })

  it('finds by a word of the name on 搜索', async () => {
    render(<Join />)
    await screen.findByText('西村')
    villages = () => ok({ villages: [] })
    type('join-search', ' 南 ')
    expect(calls).toHaveLength(1)
    fireEvent.click(screen.getByText('搜索'))
    expect(await screen.findByText('没有找到这样的村子。')).toBeTruthy()
    expect(calls[1].payload).toEqual({ q: '南' })
  })

  it('a lost network offers 再试一次, which asks again', async () => {
    villages = () => refuse('NETWORK', '网络不太好，没有连上。请稍后再试。')
    render(<Join />)
    const retry = await screen.findByText('再试一次')
    villages = () => ok({ villages: [XI] })
    fireEvent.click(retry)
    expect(await screen.findByText('西村')).toBeTruthy()
    expect(calls).toHaveLength(2)
  })
})

describe('加入村子: the request', () => {
  it('an empty form names what is missing and sends nothing', async () => {
    render(<Join />)
    fireEvent.click(await screen.findByText('西村'))
    fireEvent.click(screen.getByText('提交申请'))
    expect(await screen.findByText('请填写姓名')).toBeTruthy()
    expect(screen.getByText('请填写户号')).toBeTruthy()
    expect(document.getElementById('privacy-consent')).toBeNull()
    expect(calls).toHaveLength(1)
  })

  it('a bad phone number gets the function’s own message before sending', async () => {
    render(<Join />)
    fireEvent.click(await screen.findByText('西村'))
    fill()
    type('join-phone', '12345')
    fireEvent.click(screen.getByText('提交申请'))
    expect(await screen.findByText('手机号应当是 11 位数字，以 1 开头')).toBeTruthy()
    expect(calls).toHaveLength(1)
  })

  it('asks the privacy consent first; 同意 sends the request and shows it is waiting', async () => {
    render(<Join />)
    fireEvent.click(await screen.findByText('西村'))
    fill()
    fireEvent.click(screen.getByText('提交申请'))
    expect(await screen.findByText('隐私保护指引')).toBeTruthy()
    expect(calls).toHaveLength(1)
    fireEvent.click(document.getElementById('privacy-agree') as HTMLElement)
    expect(await screen.findByText('已提交，等待村委会审核')).toBeTruthy()
    expect(document.getElementById('join-done')).toBeTruthy()
    expect(calls[1]).toEqual({
      fn: 'village',
      action: 'requestJoin',
      payload: { villageId: 'v1', name: '李秀英', householdNo: '3-12', phone: '' },
    })
    fireEvent.click(screen.getByText('回到首页'))
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })

  it('不同意 sends nothing and says why', async () => {
    render(<Join />)
    fireEvent.click(await screen.findByText('西村'))
    fill()
    fireEvent.click(screen.getByText('提交申请'))
    fireEvent.click(await screen.findByText('不同意'))
    expect(await screen.findByText('需要您同意隐私保护指引，才能提交加入申请。')).toBeTruthy()
    expect(calls).toHaveLength(1)
    expect(document.getElementById('privacy-consent')).toBeNull()
  })

  it('the consent is asked once on this phone', async () => {
    join = refuse('BUSY', '人多，请再试一次')
    render(<Join />)
    fireEvent.click(await screen.findByText('西村'))
    fill()
    fireEvent.click(screen.getByText('提交申请'))
    fireEvent.click(await screen.findByText('同意'))
    expect(await screen.findByText('人多，请再试一次')).toBeTruthy()
    join = ok({ memberId: 'mem-9', status: 'pending' })
    fireEvent.click(screen.getByText('提交申请'))
    expect(await screen.findByText('已提交，等待村委会审核')).toBeTruthy()
    expect(calls.filter((c) => c.action === 'requestJoin')).toHaveLength(2)
  })

  it('a refusal keeps what was typed, also across leaving the page; success forgets it', async () => {
    join = refuse('CONFLICT', '您已经申请过了，请等待村委会审核。')
    const first = render(<Join />)
    fireEvent.click(await screen.findByText('西村'))
    fill()
    type('join-phone', '13800000000')
    fireEvent.click(screen.getByText('提交申请'))
    fireEvent.click(await screen.findByText('同意'))
    expect(await screen.findByText('您已经申请过了，请等待村委会审核。')).toBeTruthy()
    first.unmount()

    join = ok({ memberId: 'mem-9', status: 'pending' })
    const second = render(<Join />)
    expect(await screen.findByText('要加入：西村')).toBeTruthy()
    expect((document.getElementById('join-name') as HTMLInputElement).value).toBe(' 李秀英 ')
    expect((document.getElementById('join-phone') as HTMLInputElement).value).toBe('13800000000')
    fireEvent.click(screen.getByText('提交申请'))
    expect(await screen.findByText('已提交，等待村委会审核')).toBeTruthy()
    second.unmount()

    render(<Join />)
    await screen.findByText('西村')
    expect(screen.queryByText('要加入：西村')).toBeNull()
  })

  it('换一个村 goes back to the list', async () => {
    render(<Join />)
    fireEvent.click(await screen.findByText('西村'))
    act(() => fireEvent.click(screen.getByText('换一个村')))
    expect(screen.getByText('东村')).toBeTruthy()
  })

  it('大字模式 puts the fs-large class on the page root', async () => {
    setLargeText(true)
    render(<Join />)
    await screen.findByText('西村')
    expect(document.getElementById('screen')?.classList.contains('fs-large')).toBe(true)
  })
})

describe('村委会首次启用 (claiming a new village with its 启用码)', () => {
  let claim: unknown
  beforeEach(() => {
    claim = ok({
      memberId: 'mem-1',
      villageId: 'v9',
      villageName: '青石村',
      roles: ['resident', 'committee'],
    })
    calls = serve({ listVillages: (p: never) => villages(p), claimVillage: () => claim })
  })

  const open = async () => {
    render(<Join />)
    await screen.findByText('西村')
    fireEvent.click(screen.getByText('我是村干部，有启用码 ›'))
    expect(screen.getByText('村委会首次启用')).toBeTruthy()
  }

  it('sends the code as typed (normalised), name, 户号 after the consent, then goes to 村务', async () => {
    await open()
    type('claim-code', 'k7pm-4xq2 9trw')
    type('claim-name', ' 周书记 ')
    type('claim-household', '001')
    fireEvent.click(screen.getByText('启用本村'))
    fireEvent.click(await screen.findByText('同意'))
    expect(await screen.findByText('启用成功')).toBeTruthy()
    expect(
      screen.getByText(
        '您是青石村的第一位村委会成员。请先到“村务”里导入户籍名册，再审核村民的加入申请。',
      ),
    ).toBeTruthy()
    expect(calls[1]).toEqual({
      fn: 'village',
      action: 'claimVillage',
      payload: { code: 'K7PM4XQ29TRW', name: '周书记', householdNo: '001', phone: '' },
    })
    fireEvent.click(screen.getByText('进入村务'))
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/committee/pages/index/index' })
  })

  it('a malformed code or a missing name is said before sending anything', async () => {
    await open()
    type('claim-code', 'ABCD-EFGH')
    fireEvent.click(screen.getByText('启用本村'))
    expect(
      await screen.findByText('启用码是 12 位数字和字母（例如 ABCD-EFGH-JKLM），请核对后重新输入'),
    ).toBeTruthy()
    expect(screen.getByText('请填写姓名')).toBeTruthy()
    expect(screen.getByText('请填写户号')).toBeTruthy()
    expect(calls).toHaveLength(1)
  })

  it('the function’s refusal (a spent code) is shown, and the form stays', async () => {
    claim = refuse(
      'NOT_FOUND',
      '启用码不对，或者已经有人用过了。请核对村里拿到的启用码后重新输入。',
    )
    await open()
    type('claim-code', 'K7PM-4XQ2-9TRW')
    type('claim-name', '周书记')
    type('claim-household', '001')
    fireEvent.click(screen.getByText('启用本村'))
    fireEvent.click(await screen.findByText('同意'))
    expect(
      await screen.findByText('启用码不对，或者已经有人用过了。请核对村里拿到的启用码后重新输入。'),
    ).toBeTruthy()
    expect(document.getElementById('claim-submit')).toBeTruthy()
    expect(screen.queryByText('启用成功')).toBeNull()
  })

  it('不同意 sends nothing; 回去找村子 goes back to the list', async () => {
    await open()
    type('claim-code', 'K7PM-4XQ2-9TRW')
    type('claim-name', '周书记')
    type('claim-household', '001')
    fireEvent.click(screen.getByText('启用本村'))
    fireEvent.click(await screen.findByText('不同意'))
    expect(await screen.findByText('需要您同意隐私保护指引，才能启用村子。')).toBeTruthy()
    expect(calls).toHaveLength(1)
    fireEvent.click(screen.getByText('‹ 不是村干部，回去找村子'))
    expect(screen.getByText('东村')).toBeTruthy()
  })
})
