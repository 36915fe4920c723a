import type { Household } from '../../../types/model/member'
import {
  householdId,
  IMPORT_LIMITS,
  planHouseholdImport,
  readHouseholdCsv,
} from '../../../domain/village/households'

const HEADER = '户号,户主,姓名,是否成年'
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n')

function invalidInput(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    expect((e as { code?: string }).code).toBe('INVALID_INPUT')
    return (e as Error).message
  }
  throw new Error('expected INVALID_INPUT')
}

describe('readHouseholdCsv', () => {
  it('groups people into households, counting adults', () => {
    const read = readHouseholdCsv(
      csv('001,张三,张三,是', '001,张三,李梅,是', '001,张三,张小宝,否', '002,王五,王五,是'),
    )
    expect(read.rows).toEqual([2, 3, 4, 5].map((row) => ({ row, ok: true })))
    expect(read.households).toEqual([
      {
        number: '001',
        head: '张三',
        people: ['张三', '李梅', '张小宝'],
        adults: 2,
        persons: [
          { name: '张三', adult: true },
          { name: '李梅', adult: true },
          { name: '张小宝', adult: false },
        ],
      },
      {
        number: '002',
        head: '王五',
        people: ['王五'],
        adults: 1,
        persons: [{ name: '王五', adult: true }],
      },
    ])
  })

  it('finds columns by name in any order, ignoring extra columns and blanks around cells', () => {
    const read = readHouseholdCsv('姓名,备注,是否成年,户主,户号\n 李四 ,x, 否 ,李大,A-7\n')
    expect(read.households).toEqual([
      {
        number: 'A-7',
        head: '李大',
        people: ['李四'],
        adults: 0,
        persons: [{ name: '李四', adult: false }],
      },
    ])
  })

  it('reports each bad row with its spreadsheet row number and a plain reason', () => {
    const read = readHouseholdCsv(
      csv(
        '001,张三,张三,是',
        ',张三,某人,是',
        '0 1,张三,某人,是',
        '003,,某人,是',
        '003,赵六,,是',
        `003,赵六,${'长'.repeat(21)},是`,
        '003,赵六,赵六,成年',
        '001,张四,李梅,是',
        '001,张三,张三,否',
        '',
        '004,钱七,钱七,否',
      ),
    )
    expect(read.rows).toEqual([
      { row: 2, ok: true },
      { row: 3, ok: false, reason: '户号是空的' },
      { row: 4, ok: false, reason: '户号只能由数字、字母和“-”组成，最多 20 个字符' },
      { row: 5, ok: false, reason: '户主是空的' },
      { row: 6, ok: false, reason: '姓名是空的' },
      { row: 7, ok: false, reason: '姓名超过 20 个字' },
      { row: 8, ok: false, reason: '“是否成年”应当填“是”或“否”' },
      { row: 9, ok: false, reason: '户主“张四”与第 2 行的户主“张三”不一致' },
      { row: 10, ok: false, reason: '与第 2 行重复：同一户里已有“张三”' },
      { row: 12, ok: true },
    ])
    expect(read.households.map((h) => h.number)).toEqual(['001', '004'])
  })

  it('rejects a file without the needed header, without rows, or too large', () => {
    expect(invalidInput(() => readHouseholdCsv('户号,户主,姓名\n001,张三,张三'))).toBe(
      '第一行应当是表头，缺少“是否成年”这一列（需要：户号、户主、姓名、是否成年）',
    )
    expect(invalidInput(() => readHouseholdCsv(''))).toContain('缺少“户号”这一列')
    expect(invalidInput(() => readHouseholdCsv(`${HEADER}\n\n`))).toBe('表格里除了表头没有内容')
    const rows = Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => `${i},户主,某人,是`)
    expect(invalidInput(() => readHouseholdCsv(csv(...rows)))).toBe(
      '表格有 2001 行，一次最多导入 2000 行，请分成几个文件导入',
    )
    expect(invalidInput(() => readHouseholdCsv('x'.repeat(IMPORT_LIMITS.chars + 1)))).toContain(
      '文件太大了',
    )
  })

  it('takes exactly the row limit', () => {
    const rows = Array.from({ length: IMPORT_LIMITS.rows }, (_, i) => `${i % 600},户主,人${i},是`)
    const read = readHouseholdCsv(csv(...rows))
    expect(read.rows.every((r) => r.ok)).toBe(true)
    expect(read.households).toHaveLength(600)
  })
})

describe('planHouseholdImport', () => {
  const stored = (number: string, people: string[], adults: number): Household => ({
    _id: householdId('v', number),
    villageId: 'v',
    number,
    head: people[0],
    people,
    adults,
  })

  it('creates new households with idempotent ids and counts the whole register', () => {
    const plan = planHouseholdImport(
      'v',
      [stored('009', ['老周'], 1)],
      [{ number: '001', head: '张三', people: ['张三', '小张'], adults: 1 }],
    )
    expect(plan.writes).toEqual([
      {
        _id: 'v_001',
        villageId: 'v',
        number: '001',
        head: '张三',
        people: ['张三', '小张'],
        adults: 1,
      },
    ])
    expect(plan).toMatchObject({ created: 1, updated: 0, unchanged: 0 })
    expect(plan.counts).toEqual({ households: 2, adults: 2 })
  })

  it('writes nothing when the register already says the same', () => {
    const existing = [stored('001', ['张三', '小张'], 1)]
    const plan = planHouseholdImport('v', existing, [
      { number: '001', head: '张三', people: ['张三', '小张'], adults: 1 },
    ])
    expect(plan).toEqual({
      writes: [],
      created: 0,
      updated: 0,
      unchanged: 1,
      counts: { households: 1, adults: 1 },
    })
  })

  it('replaces a changed household whole (people, head, adults)', () => {
    const plan = planHouseholdImport(
      'v',
      [stored('001', ['张三', '小张'], 1)],
      [{ number: '001', head: '张三', people: ['张三', '小张'], adults: 2 }],
    )
    expect(plan).toMatchObject({ created: 0, updated: 1, unchanged: 0 })
    expect(plan.counts).toEqual({ households: 1, adults: 2 })
    const reordered = planHouseholdImport(
      'v',
      [stored('001', ['张三', '小张'], 1)],
      [{ number: '001', head: '张三', people: ['小张', '张三'], adults: 1 }],
    )
    expect(reordered.updated).toBe(1)
  })
})
