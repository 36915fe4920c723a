/**
 * `npm run district:import` (scripts/districtImport.ts) against the emulator through the real SDK:
 * the real script, spawned with --url, sets up a district from a JSON file — its townships,
 * departments, the villages found by their 邀请码, and its staff, each with a 启用码 kept only as
 * its SHA-256 and printed once — which then makes its enterer that staff member
 * (township.claimStaff). A second run, and every bad file, is refused with exit code 2 (in Chinese
 * and English) and nothing written: the whole database compared. Expected documents by hand.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { DEFAULT_WHISTLE_TIERS } from '../../../domain/township/whistle'
import { districtImport } from '../../../scripts/districtImport'
import { Refusal } from '../../../scripts/villageCreate'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { insert, village } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')
const SCRIPT = path.join(ROOT, 'scripts', 'districtImport.ts')
const run = promisify(execFile)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'district-import-'))

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  insert(backend, COLLECTION.villages, [
    village('v-qs', '青石村', { inviteCode: 'QS2345' }),
    village('v-ls', '柳树村', { inviteCode: 'LS2345' }),
    village('v-joined', '老村', {
      inviteCode: 'XLD234',
      townshipId: 'elsewhere',
      districtId: 'd0',
    }),
  ])
})
afterAll(async () => {
  await backend.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const FILE = {
  district: { name: '示范区' },
  townships: [
    { name: '东镇', kind: 'township' },
    { name: '西街道', kind: 'subdistrict' },
  ],
  departments: [
    { name: '区水务局', categories: ['roadsUtilities'] },
    { name: '东镇综治中心', township: '东镇', categories: ['publicOrder', 'neighbourhood'] },
  ],
  villages: [
    { inviteCode: 'qs2345', township: '东镇' },
    { inviteCode: 'LS-2345', township: '西街道' },
  ],
  staff: [
    { name: '王区长', phone: '13800000001', unit: '示范区', role: 'admin' },
    { name: '李镇长', phone: '13800000002', unit: '东镇', role: 'admin' },
    { name: '赵干事', phone: '13800000003', unit: '东镇综治中心', role: 'staff' },
  ],
}

let n = 0
function fileWith(content: unknown): string {
  n += 1
  const file = path.join(dir, `district-${n}.json`)
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

async function spawnImport(args: string[]) {
  try {
    // jest's process.env is the test's own: hand it on (the SDK signs with its keys)
    const { stdout, stderr } = await run(TSX, [SCRIPT, ...args], { cwd: ROOT, env: process.env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const CODE = /^ {4}([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}) {2}(.+)$/gm

describe('npm run district:import', () => {
  it('imports the district and prints each staff member’s 启用码 once', async () => {
    const out = await spawnImport(['--file', fileWith(FILE), '--url', backend.emulator.serviceUrl])
    expect(out).toMatchObject({ code: 0, stderr: '' })
    expect(out.stdout).toContain(
      '已导入：示范区（2 个乡镇（街道）、2 个部门、2 个村、3 名工作人员）',
    )
    const printed = [...out.stdout.matchAll(CODE)].map((m) => [m[1] as string, m[2]])
    expect(printed.map(([, who]) => who)).toEqual([
      '王区长（示范区，管理员）',
      '李镇长（东镇，管理员）',
      '赵干事（东镇综治中心，工作人员）',
    ])

    const [district] = await backend.all(COLLECTION.districts)
    const at = (district as { createdAt: Date }).createdAt
    const id = district?._id as string
    expect(district).toEqual({
      _id: id,
      name: '示范区',
      whistleTiers: DEFAULT_WHISTLE_TIERS,
      createdAt: at,
      updatedAt: at,
    })
    const townships = await backend.all(COLLECTION.townships)
    const east = townships.find((t) => t.name === '东镇')?._id as string
    const west = townships.find((t) => t.name === '西街道')?._id as string
    expect(
      townships
        .map(({ _id, ...t }) => t)
        .sort((a, b) => (String(a.kind) < String(b.kind) ? 1 : -1)),
    ).toEqual([
      { districtId: id, name: '东镇', kind: 'township', createdAt: at, updatedAt: at },
      { districtId: id, name: '西街道', kind: 'subdistrict', createdAt: at, updatedAt: at },
    ])
    const departments = await backend.all(COLLECTION.departments)
    const station = departments.find((d) => d.name === '东镇综治中心')?._id as string
    expect(
      departments
        .map(({ _id, ...d }) => d)
        .sort((a, b) => (String(a.name) < String(b.name) ? 1 : -1)),
    ).toEqual([
      {
        districtId: id,
        name: '区水务局',
        categories: ['roadsUtilities'],
        createdAt: at,
        updatedAt: at,
      },
      {
        districtId: id,
        townshipId: east,
        name: '东镇综治中心',
        categories: ['publicOrder', 'neighbourhood'],
        createdAt: at,
        updatedAt: at,
      },
    ])
    const staff = await backend.all(COLLECTION.staff)
    const byName = (name: string) => staff.find((s) => s.name === name)
    const codeOf = (i: number) => String(printed[i]?.[0]).replace(/-/g, '')
    const record = (name: string, i: number, unit: object, role: string, phone: string) => ({
      _id: expect.any(String),
      founding: { codeHash: sha256(codeOf(i)), issuedAt: at },
      phone,
      unit,
      role,
      name,
      status: 'active',
      createdAt: at,
      updatedAt: at,
    })
    expect(byName('王区长')).toEqual(
      record('王区长', 0, { kind: 'district', districtId: id }, 'admin', '13800000001'),
    )
    expect(byName('李镇长')).toEqual(
      record(
        '李镇长',
        1,
        { kind: 'township', districtId: id, townshipId: east },
        'admin',
        '13800000002',
      ),
    )
    expect(byName('赵干事')).toEqual(
      record(
        '赵干事',
        2,
        { kind: 'department', districtId: id, departmentId: station, townshipId: east },
        'staff',
        '13800000003',
      ),
    )
    const villages = await backend.all(COLLECTION.villages)
    expect(
      villages
        .filter((v) => v.districtId === id)
        .map((v) => [v._id, v.townshipId])
        .sort(),
    ).toEqual([
      ['v-ls', west],
      ['v-qs', east],
    ])
    const audits = (await backend.all(COLLECTION.auditLogs)).map(({ _id, ...a }) => a)
    expect(audits.filter((a) => a.subjectId === 'v-qs')).toEqual([
      {
        villageId: 'v-qs',
        townshipId: east,
        subjectType: 'village',
        subjectId: 'v-qs',
        action: 'districtImport',
        actorId: 'district:import',
        actorName: '部署人员（district:import）',
        at,
        note: '加入东镇（示范区）的需求清单和服务清单',
      },
    ])
    expect(audits.filter((a) => a.subjectId === id).map((a) => a.note)).toEqual([
      '2 个乡镇（街道）、2 个部门、2 个村、3 名工作人员',
    ])
    // no code is stored
    const everything = JSON.stringify(await snapshot(backend))
    for (const [code] of printed) {
      expect(everything).not.toContain(code)
      expect(everything).not.toContain(String(code).replace(/-/g, ''))
    }

    // the township head's code, entered by a new WeChat user, makes them 东镇's staff
    const claimed = await backend.call('openid-head', 'township', 'claimStaff', {
      code: String(printed[1]?.[0]).toLowerCase(),
    })
    expect(claimed).toEqual({
      ok: true,
      data: {
        id: byName('李镇长')?._id,
        name: '李镇长',
        role: 'admin',
        unit: { kind: 'township', districtId: id, townshipId: east },
        unitName: '东镇',
      },
    })
    expect(
      await backend.call('openid-late', 'township', 'claimStaff', { code: printed[1]?.[0] }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const mine = await backend.call('openid-head', 'township', 'myStaff', {})
    expect(mine.ok && mine.data.staff.map((s) => s.unitName)).toEqual(['东镇'])
  })

  it('a second run of the same file is refused with exit code 2, writing nothing', async () => {
    const before = await snapshot(backend)
    const out = await spawnImport(['--file', fileWith(FILE), '--url', backend.emulator.serviceUrl])
    expect(out.code).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr).toContain('“示范区”已经导入过了')
    expect(out.stderr).toContain('was imported before')
    expect(await snapshot(backend)).toEqual(before)
  })

  const other = (over: Record<string, unknown>) => ({
    ...FILE,
    district: { name: '新区' },
    villages: [],
    staff: [],
    ...over,
  })

  it.each([
    ['not JSON', '{ "district": ', '读不了文件'],
    ['no district name', other({ district: {} }), 'district.name：请写明区（district）的名称'],
    ['no township', other({ townships: [] }), 'townships：请至少写一个乡镇（街道）'],
    [
      'a township of no kind',
      other({ townships: [{ name: '南镇', kind: 'town' }] }),
      'townships.0.kind：乡镇的类型应当是 township（乡镇）或 subdistrict（街道）',
    ],
    [
      'a department of an unknown township',
      other({ departments: [{ name: '南站', township: '南镇', categories: ['other'] }] }),
      'departments.0：没有叫“南镇”的乡镇（街道）。',
    ],
    [
      'a department of no category',
      other({ departments: [{ name: '区文旅局', categories: ['tourism'] }] }),
      'departments.0.categories.0：部门处理的事项类别应当是',
    ],
    [
      'one name for two units',
      other({ departments: [{ name: '东镇', categories: ['other'] }] }),
      '单位名称“东镇”出现了不止一次',
    ],
    [
      'a staff member of an unknown unit',
      other({ staff: [{ name: '钱', phone: '13800000009', unit: '南镇', role: 'staff' }] }),
      'staff.0：没有叫“南镇”的单位。',
    ],
    [
      'a staff member twice',
      other({
        staff: [
          { name: '钱', phone: '13800000009', unit: '东镇', role: 'staff' },
          { name: '钱', phone: '13800000009', unit: '东镇', role: 'admin' },
        ],
      }),
      'staff.1：13800000009 在“东镇”写了不止一次。',
    ],
    [
      'a bad phone number',
      other({ staff: [{ name: '钱', phone: '12345', unit: '东镇', role: 'staff' }] }),
      'staff.0.phone：手机号应当是 11 位数字，以 1 开头',
    ],
    [
      'a bad whistle tier',
      other({
        district: {
          name: '新区',
          whistleTiers: [{ tier: 'danger', label: '危险', responseHours: 0 }],
        },
      }),
      'district.whistleTiers：',
    ],
    [
      'a village nobody has the code of',
      other({ villages: [{ inviteCode: 'NQNE23', township: '东镇' }] }),
      'villages.0：找不到邀请码是 NQNE23 的村。',
    ],
    [
      'a village already in a township',
      other({ villages: [{ inviteCode: 'XLD234', township: '东镇' }] }),
      'villages.0：“老村”已经属于一个乡镇（街道）了，没有再改。',
    ],
  ])('%s is refused, writing nothing', async (_what, content, message) => {
    const before = await snapshot(backend)
    const args = ['--file', fileWith(content), '--url', backend.emulator.serviceUrl]
    await expect(districtImport(args, TEST_NOW)).rejects.toThrow(message)
    await expect(districtImport(args, TEST_NOW)).rejects.toBeInstanceOf(Refusal)
    expect(await snapshot(backend)).toEqual(before)
  })

  it('refuses a missing --file and an unknown flag', async () => {
    await expect(districtImport(['--url', 'x'])).rejects.toThrow('请用 --file 给出区的导入文件。')
    await expect(districtImport(['--file', 'a', '--force', 'y'])).rejects.toThrow(
      '不认识的参数“--force”。',
    )
  })
})
