import { act, fireEvent, render, screen } from '@testing-library/react'
import Register from '../../../../../../src/packages/committee/pages/register'
import type { ImportHouseholdsResponse, PersonView } from '../../../../../../types/api/village'
import { fakeTaro, ok, refuse, serve, textOf, type Call } from '../../../../pages/fakes'

let calls: Call[]
let answers: Record<string, unknown>

const person = (
  id: string,
  name: string,
  householdNo: string,
  more: Partial<PersonView> = {},
): PersonView => ({
  id,
  householdId: `v1_${householdNo}`,
  householdNo,
  name,
  adult: true,
  representative: false,
  householdVoter: false,
  accounts: 1,
  ...more,
})

const PAGE_1 = [
  person('p1', '张建国', '001', { householdVoter: true }),
  person('p2', '刘秀英', '001', { representative: true }),
  person('p3', '张小军', '001', { adult: false, accounts: 0 }),
  person('p4', '李明', '002'),
]
const PAGE_2 = [person('p5', '王芳', '002')]

const REPORT: ImportHouseholdsResponse = {
  rows: [
    { row: 2, ok: true },
    { row: 3, ok: false, reason: '户号只能由数字、字母和“-”组成，最多 20 个字符' },
    { row: 4, ok: true },
  ],
  created: 1,
  updated: 1,
  unchanged: 0,
  persons: {
    created: 1,
    updated: 0,
    unchanged: 1,
    removed: [{ householdNo: '002', name: '王芳' }],
    kept: [{ householdNo: '002', name: '李明' }],
  },
  counts: { adults: 20, households: 12, representatives: 8 },
}

const tap = (id: string) =>
  act(async () => {
    fireEvent.click(document.getElementById(id) as HTMLElement)
  })
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

/** What the person picks in the browser's file chooser. */
async function pick(file: File) {
  await tap('import-file')
  const input = document.getElementById('csv-file-input') as HTMLInputElement
  expect(input.type).toBe('file')
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } })
  })
  await act(async () => new Promise((r) => setTimeout(r, 20)))
}

beforeEach(() => {
  fakeTaro()
  answers = {
    listPersons: (p: { cursor?: string }) =>
      ok(p.cursor ? { persons: PAGE_2 } : { persons: PAGE_1, nextCursor: 'c1' }),
    setRepresentative: ok({ changed: true, representatives: 9 }),
    setHouseholdVoter: ok({ changed: true }),
    importHouseholds: ok(REPORT),
  }
  calls = serve(
    Object.fromEntries(
      Object.keys(answers).map((k) => [
        k,
        (p: never) => {
          const a = answers[k]
          return typeof a === 'function' ? (a as (x: unknown) => unknown)(p) : a
        },
      ]),
    ),
  )
})

describe('户籍名册: the persons', () => {
  it('opens with one listPersons call; persons by household, with their marks', async () => {
    render(<Register />)
    expect(await screen.findByText('001 户')).toBeTruthy()
    expect(calls).toEqual([{ fn: 'village', action: 'listPersons', payload: { limit: 50 } }])
    const h1 = document.getElementById('household-v1_001') as HTMLElement
    expect(Array.from(h1.querySelectorAll('.cc-card')).map((c) => c.id)).toEqual([
      'person-p1',
      'person-p2',
      'person-p3',
    ])
    expect(textOf(h1.querySelector('.cc-section__hint'))).toBe('户代表：张建国')
    expect(textOf(document.querySelector('#person-p2 .cc-card__line'))).toBe(
      '成年·村民代表·已关联1个账号',
    )
    expect(textOf(document.querySelector('#person-p3 .cc-card__line'))).toBe('未成年·没有账号')
    // A minor is not offered as 户代表; the 户代表 already is not offered again.
    expect(document.getElementById('voter-p3')).toBeNull()
    expect(document.getElementById('voter-p1')).toBeNull()
    expect(textOf(document.querySelector('#household-v1_002 .cc-section__hint'))).toBe(
      '还没有选户代表（按户表决时替这一户投票的人）',
    )
  })

  it('more of the register a page at a time', async () => {
    render(<Register />)
    await screen.findByText('001 户')
    await tap('register-more')
    expect(calls[1]).toEqual({
      fn: 'village',
      action: 'listPersons',
      payload: { limit: 50, cursor: 'c1' },
    })
    expect(document.getElementById('person-p5')).toBeTruthy()
    expect(document.getElementById('register-more')).toBeNull()
  })

  it('设为村民代表 and back', async () => {
    render(<Register />)
    await screen.findByText('001 户')
    await tap('rep-p4')
    expect(calls[1]).toEqual({
      fn: 'village',
      action: 'setRepresentative',
      payload: { personId: 'p4', representative: true },
    })
    expect(textOf(document.getElementById('register-note'))).toBe(
      '李明是村民代表了。现在共有9位村民代表。',
    )
    expect(textOf(document.getElementById('rep-p4'))).toBe('不再是村民代表')
    await tap('rep-p2')
    expect(calls[2]?.payload).toEqual({ personId: 'p2', representative: false })
  })

  it('设为户代表 moves the household’s 户代表', async () => {
    render(<Register />)
    await screen.findByText('001 户')
    await tap('voter-p2')
    expect(calls[1]).toEqual({
      fn: 'village',
      action: 'setHouseholdVoter',
      payload: { householdId: 'v1_001', personId: 'p2' },
    })
    expect(textOf(document.querySelector('#household-v1_001 .cc-section__hint'))).toBe(
      '户代表：刘秀英',
    )
    expect(document.getElementById('voter-p1')).toBeTruthy()
    expect(document.getElementById('voter-p2')).toBeNull()
  })

  it('a refusal is said in words', async () => {
    answers.setHouseholdVoter = refuse('INVALID_INPUT', '户代表应当是这一户 18 岁以上的人')
    render(<Register />)
    await screen.findByText('001 户')
    await tap('voter-p2')
    expect(textOf(document.getElementById('register-failure'))).toBe(
      '户代表应当是这一户18岁以上的人',
    )
  })
})

describe('户籍名册: the import', () => {
  it('pasted text: checked, asked, imported; the row report in words; the register read again', async () => {
    render(<Register />)
    await screen.findByText('001 户')
    await tap('import-submit')
    expect(textOf(document.getElementById('import-csv-error'))).toBe('请选择要导入的表格')
    expect(calls).toHaveLength(1)
    const csv = '户号,户主,姓名,是否成年\n001,张建国,张建国,是'
    type('import-csv', csv)
    await tap('import-submit')
    expect(textOf(document.getElementById('confirm'))).toContain('确定导入吗？')
    await tap('confirm-cancel')
    expect(calls).toHaveLength(1)
    await tap('import-submit')
    await tap('confirm-ok')
    expect(calls[1]).toEqual({ fn: 'village', action: 'importHouseholds', payload: { csv } })
    expect(calls[2]).toEqual({ fn: 'village', action: 'listPersons', payload: { limit: 50 } })
    const says = (id: string) => textOf(document.getElementById(id))
    expect(says('import-rows-summary')).toBe('表格共3行：2行导入了，1行没有导入（原因在下面）。')
    expect(says('import-households')).toBe('户：新加1户，更新1户，0户没有变化。')
    expect(says('import-persons')).toBe('人：新加1人，改了0人，1人没有变化。')
    expect(says('import-removed')).toBe('表格里没有、已从名册上去掉的：002户王芳。')
    expect(says('import-kept')).toContain('有账号关联所以留在名册上的：002户李明。')
    expect(says('import-counts')).toBe('现在名册上共12户，18岁以上20人，村民代表8人。')
    expect(says('import-row-2')).toBe('第2行：已导入')
    expect(says('import-row-3')).toBe(
      '第3行：没有导入，户号只能由数字、字母和“-”组成，最多20个字符',
    )
  })

  it('a file chosen in the browser (UTF-8 with its BOM) is imported as its text', async () => {
    render(<Register />)
    await screen.findByText('001 户')
    await pick(new File(['\uFEFF户号,户主,姓名,是否成年\n001,张建国,张建国,是\n'], '名册.csv'))
    expect(textOf(document.getElementById('import-file-chosen'))).toBe(
      '已选：名册.csv共2行（含第一行标题）不用这个文件',
    )
    await tap('import-submit')
    await tap('confirm-ok')
    expect(calls[1]?.payload).toEqual({ csv: '户号,户主,姓名,是否成年\n001,张建国,张建国,是\n' })
  })

  it('a GBK file (Excel’s plain CSV) is read too', async () => {
    render(<Register />)
    await screen.findByText('001 户')
    // 001,张三,张三,是 in GBK
    const gbk = new Uint8Array([
      0x30, 0x30, 0x31, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xca,
      0xc7,
    ])
    await pick(new File([gbk], 'old.CSV'))
    await tap('import-submit')
    await tap('confirm-ok')
    expect(calls[1]?.payload).toEqual({ csv: '001,张三,张三,是' })
  })

  it('a file that is not a table is refused in words, nothing sent', async () => {
    render(<Register />)
    await screen.findByText('001 户')
    await pick(new File(['x'], 'photo.jpg'))
    expect(textOf(document.getElementById('import-failure'))).toContain('只能选表格文件（.csv）')
    expect(document.getElementById('import-file-chosen')).toBeNull()
    expect(calls).toHaveLength(1)
  })

  it('the function’s refusal is shown', async () => {
    answers.importHouseholds = refuse('INVALID_INPUT', '第一行应当是：户号,户主,姓名,是否成年')
    render(<Register />)
    await screen.findByText('001 户')
    type('import-csv', '名字\n张三')
    await tap('import-submit')
    await tap('confirm-ok')
    expect(textOf(document.getElementById('import-failure'))).toBe(
      '第一行应当是：户号,户主,姓名,是否成年',
    )
    expect(document.getElementById('import-report')).toBeNull()
  })
})
