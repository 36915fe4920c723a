// npm run district:import -- --file district.json [--url <emulator serviceUrl> | --env <envId>] [--data <dir>]
//
// Sets up a district above its villages (issue #14, point 1) from one JSON file, through the real
// @cloudbase/node-sdk: the district (区) with its whistle tiers, its townships (乡镇 / 街道), its
// departments (区直部门 and the townships' 站所), the villages that belong to each township
// (found by their 邀请码, which village:create printed), and the staff of every unit — each staff
// record with a one-time 启用码 stored only as its SHA-256 (Staff.founding), printed here once;
// the person enters it in the mini-program (township.claimStaff).
//
// Everything is checked first — the file's shape and every reference in it, then the database
// (the villages exist and belong to no township yet, no district of that name was imported) —
// and a refusal (exit code 2, in Chinese and English) writes nothing. Then everything is written
// in ONE transaction, with an audit record for the district and for each village: a second run
// of the same file is refused (the district exists), never half-applied.
//
// Where: the same options as village:create (--url, --env, --data; scripts/villageCreate.ts).
//
// The file (JSON, UTF-8):
//   {
//     "district": { "name": "示范区",                       // required
//                   "whistleTiers": [ { "tier": "danger", "label": "危及生命财产", "responseHours": 2 }, … ] },
//                                                          // optional: the 12345 defaults otherwise
//     "townships":   [ { "name": "东镇", "kind": "township" | "subdistrict" } ],
//     "departments": [ { "name": "区水务局", "categories": ["roadsUtilities"] },          // 区直部门
//                      { "name": "东镇综治中心", "township": "东镇", "categories": ["publicOrder"] } ], // 站所
//     "villages":    [ { "inviteCode": "K7PM4X", "township": "东镇" } ],
//     "staff":       [ { "name": "张三", "phone": "13800000000", "unit": "东镇", "role": "admin" | "staff" } ]
//   }
// A unit is named by its name: the district's, a township's or a department's (all different).
// Categories are the matters' (domain/matters/categories.ts). One staff record per phone and unit.
import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import type { Village } from '../types/model/member'
import type {
  Department,
  District,
  Staff,
  StaffUnit,
  Township,
  WhistleTierSetting,
} from '../types/model/township'
import { COLLECTION } from '../cloudfunctions/_shared/collections'
import { runTransaction, type Database, type Transaction } from '../cloudfunctions/_shared/cloud'
import { foundingCodeHash, newFoundingCode } from '../cloudfunctions/village/foundingCodes'
import { CATEGORY_KEYS } from '../domain/matters/categories'
import { DomainError } from '../domain/shared/errors'
import { text } from '../domain/shared/validate'
import { DEFAULT_WHISTLE_TIERS, validateWhistleTiers } from '../domain/township/whistle'
import { formatFoundingCode } from '../domain/village/foundingCode'
import { isInviteCode, normaliseInviteCode } from '../domain/village/inviteCode'
import { flagValues, onTarget, Refusal, targetOf, type Target } from './villageCreate'

export const USAGE =
  'npm run district:import -- --file district.json [--url <emulator URL> | --env <envId>]'

function refuse(chinese: string, english: string): never {
  throw new Refusal(chinese, english, USAGE)
}

const NAME_MAX = 30

const name = (label: string) => text(label, NAME_MAX)
const list = <T extends v.GenericSchema>(item: T, label: string, min = 0) =>
  v.pipe(v.array(item, `${label}应当是一个列表`), v.minLength(min, `请至少写一个${label}`))

const FILE = v.object(
  {
    district: v.object(
      {
        name: name('区的名称'),
        whistleTiers: v.optional(v.array(v.unknown(), '响应时限的设置不对')),
      },
      '请写明区（district）的名称',
    ),
    townships: list(
      v.object({
        name: name('乡镇（街道）的名称'),
        kind: v.picklist(
          ['township', 'subdistrict'],
          '乡镇的类型应当是 township（乡镇）或 subdistrict（街道）',
        ),
      }),
      '乡镇（街道）',
      1,
    ),
    departments: v.optional(
      list(
        v.object({
          name: name('部门的名称'),
          township: v.optional(name('部门所属的乡镇（街道）')),
          categories: list(
            v.picklist(CATEGORY_KEYS, `部门处理的事项类别应当是：${CATEGORY_KEYS.join('、')}`),
            '事项类别',
            1,
          ),
        }),
        '部门',
      ),
      [],
    ),
    villages: v.optional(
      list(
        v.object({
          inviteCode: v.pipe(
            v.string('邀请码应当是文字'),
            v.transform(normaliseInviteCode),
            v.check(isInviteCode, '邀请码是 6 位数字和字母'),
          ),
          township: name('村所属的乡镇（街道）'),
        }),
        '村',
      ),
      [],
    ),
    staff: v.optional(
      list(
        v.object({
          name: name('工作人员的姓名'),
          phone: v.pipe(
            v.string('手机号应当是数字'),
            v.trim(),
            v.regex(/^1\d{10}$/, '手机号应当是 11 位数字，以 1 开头'),
          ),
          unit: name('工作人员的单位'),
          role: v.picklist(['admin', 'staff'], '角色应当是 admin（管理员）或 staff（工作人员）'),
        }),
        '工作人员',
      ),
      [],
    ),
  },
  '文件内容应当是一个对象，含 district、townships 等项',
)

export type DistrictFile = v.InferOutput<typeof FILE>

export interface DistrictImportArgs {
  file: string
  target: Target
}

const FLAGS = ['--file', '--url', '--env', '--data'] as const

export function parseArgs(argv: readonly string[]): DistrictImportArgs {
  const values = flagValues(argv, FLAGS, USAGE)
  const file =
    values['--file'] ??
    refuse('请用 --file 给出区的导入文件。', 'Give the district file with --file.')
  return { file, target: targetOf(values, USAGE) }
}

/** The file, read and checked in full: every refusal names where, in Chinese and English. */
export function readDistrictFile(file: string): DistrictFile & { tiers: WhistleTierSetting[] } {
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
  } catch (error) {
    return refuse(
      `读不了文件 ${file}：它应当是 UTF-8 的 JSON。`,
      `Cannot read ${file} as JSON: ${(error as Error).message}`,
    )
  }
  const checked = v.safeParse(FILE, raw)
  if (!checked.success) {
    const issue = checked.issues[0]
    const where = v.getDotPath(issue) ?? '(the file)'
    return refuse(
      `${where}：${issue.message}`,
      `${where} is not valid (see the Chinese line above).`,
    )
  }
  const f = checked.output
  let tiers: WhistleTierSetting[]
  try {
    tiers =
      f.district.whistleTiers === undefined
        ? [...DEFAULT_WHISTLE_TIERS]
        : validateWhistleTiers(f.district.whistleTiers as WhistleTierSetting[])
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    return refuse(`district.whistleTiers：${error.message}`, 'district.whistleTiers is not valid.')
  }
  const units = [
    f.district.name,
    ...f.townships.map((t) => t.name),
    ...f.departments.map((d) => d.name),
  ]
  const twice = units.find((n, i) => units.indexOf(n) !== i)
  if (twice !== undefined) {
    refuse(
      `单位名称“${twice}”出现了不止一次：区、乡镇和部门的名称要各不相同。`,
      `The unit name "${twice}" is used twice.`,
    )
  }
  const townshipNames = new Set(f.townships.map((t) => t.name))
  for (const [i, d] of f.departments.entries()) {
    if (d.township !== undefined && !townshipNames.has(d.township)) {
      refuse(
        `departments.${i}：没有叫“${d.township}”的乡镇（街道）。`,
        `departments.${i}: no township "${d.township}" in the file.`,
      )
    }
  }
  const codes = new Set<string>()
  for (const [i, village] of f.villages.entries()) {
    if (!townshipNames.has(village.township)) {
      refuse(
        `villages.${i}：没有叫“${village.township}”的乡镇（街道）。`,
        `villages.${i}: no township "${village.township}" in the file.`,
      )
    }
    if (codes.has(village.inviteCode)) {
      refuse(
        `villages.${i}：邀请码 ${village.inviteCode} 写了不止一次。`,
        `villages.${i}: invite code ${village.inviteCode} is listed twice.`,
      )
    }
    codes.add(village.inviteCode)
  }
  const unitNames = new Set(units)
  const people = new Set<string>()
  for (const [i, s] of f.staff.entries()) {
    if (!unitNames.has(s.unit)) {
      refuse(
        `staff.${i}：没有叫“${s.unit}”的单位。`,
        `staff.${i}: no unit "${s.unit}" in the file.`,
      )
    }
    const key = `${s.phone}\u0000${s.unit}`
    if (people.has(key)) {
      refuse(
        `staff.${i}：${s.phone} 在“${s.unit}”写了不止一次。`,
        `staff.${i}: ${s.phone} is listed twice for "${s.unit}".`,
      )
    }
    people.add(key)
  }
  return { ...f, tiers }
}

/** Who the audit names as having imported the district. */
export const IMPORTER = { actorId: 'district:import', actorName: '部署人员（district:import）' }

export interface ImportedStaff {
  name: string
  unit: string
  role: 'admin' | 'staff'
  /** The 启用码, normalised (print it with formatFoundingCode). Never stored. */
  code: string
}

export interface ImportedDistrict {
  districtId: string
  name: string
  townships: number
  departments: number
  villages: number
  staff: ImportedStaff[]
}

async function add(t: Transaction, collection: string, doc: object): Promise<string> {
  const res = (await t.collection(collection).add(doc)) as { id?: string; _id?: string }
  const id = res.id ?? res._id
  if (!id) throw new Error(`the database answered no id for a new document of ${collection}`)
  return id
}

/**
 * Checks the database, then writes the whole district in one transaction. Refuses, writing
 * nothing, a district imported before (by name), a village not found by its 邀请码, and a village
 * that already belongs to a township. `draw` replaces the random codes (tests).
 */
export async function importDistrict(
  db: Database,
  f: ReturnType<typeof readDistrictFile>,
  now: Date,
  draw: () => string = newFoundingCode,
): Promise<ImportedDistrict> {
  const { data: same } = await db
    .collection(COLLECTION.districts)
    .where({ name: f.district.name })
    .limit(1)
    .get()
  if (same.length > 0) {
    refuse(
      `“${f.district.name}”已经导入过了（编号 ${(same[0] as District)._id}），这次什么也没有写。要改动请在控制台里改。`,
      `The district "${f.district.name}" was imported before (${(same[0] as District)._id}); nothing was written.`,
    )
  }
  const villages: Village[] = []
  for (const [i, entry] of f.villages.entries()) {
    const { data } = await db
      .collection(COLLECTION.villages)
      .where({ inviteCode: entry.inviteCode })
      .limit(1)
      .get()
    const village = data[0] as Village | undefined
    if (!village) {
      refuse(
        `villages.${i}：找不到邀请码是 ${entry.inviteCode} 的村。`,
        `villages.${i}: no village has the invite code ${entry.inviteCode}.`,
      )
    }
    if (village.townshipId !== undefined) {
      refuse(
        `villages.${i}：“${village.name}”已经属于一个乡镇（街道）了，没有再改。`,
        `villages.${i}: "${village.name}" already belongs to a township (${village.townshipId}).`,
      )
    }
    villages.push(village)
  }
  const staff = f.staff.map((s) => ({ ...s, code: draw() }))
  const districtId = await runTransaction(db, async (t) => {
    const district: Omit<District, '_id'> = {
      name: f.district.name,
      whistleTiers: f.tiers,
      createdAt: now,
      updatedAt: now,
    }
    const id = await add(t, COLLECTION.districts, district)
    const townshipIds = new Map<string, string>()
    for (const tw of f.townships) {
      const doc: Omit<Township, '_id'> = {
        districtId: id,
        name: tw.name,
        kind: tw.kind,
        createdAt: now,
        updatedAt: now,
      }
      townshipIds.set(tw.name, await add(t, COLLECTION.townships, doc))
    }
    const departmentIds = new Map<string, { id: string; townshipId?: string }>()
    for (const d of f.departments) {
      const townshipId = d.township !== undefined ? townshipIds.get(d.township) : undefined
      const doc: Omit<Department, '_id'> = {
        districtId: id,
        ...(townshipId !== undefined ? { townshipId } : {}),
        name: d.name,
        categories: d.categories,
        createdAt: now,
        updatedAt: now,
      }
      departmentIds.set(d.name, {
        id: await add(t, COLLECTION.departments, doc),
        ...(townshipId !== undefined ? { townshipId } : {}),
      })
    }
    const unitOf = (unit: string): StaffUnit => {
      const township = townshipIds.get(unit)
      if (township !== undefined) return { kind: 'township', districtId: id, townshipId: township }
      const dept = departmentIds.get(unit)
      if (dept !== undefined)
        return {
          kind: 'department',
          districtId: id,
          departmentId: dept.id,
          ...(dept.townshipId !== undefined ? { townshipId: dept.townshipId } : {}),
        }
      return { kind: 'district', districtId: id }
    }
    for (const s of staff) {
      const doc: Omit<Staff, '_id'> = {
        founding: { codeHash: foundingCodeHash(s.code), issuedAt: now },
        phone: s.phone,
        unit: unitOf(s.unit),
        role: s.role,
        name: s.name,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      }
      await add(t, COLLECTION.staff, doc)
    }
    for (const [i, village] of villages.entries()) {
      const townshipName = f.villages[i]?.township ?? ''
      const townshipId = townshipIds.get(townshipName) as string
      // Read again inside and written: a village joined meanwhile conflicts or is refused.
      const { data } = await t.collection(COLLECTION.villages).doc(village._id).get()
      const current = (Array.isArray(data) ? data[0] : data) as Village | undefined
      if (current?.townshipId !== undefined) {
        refuse(
          `“${village.name}”刚刚被加入了一个乡镇（街道），这次什么也没有写。`,
          `"${village.name}" joined a township meanwhile; nothing was written.`,
        )
      }
      await t
        .collection(COLLECTION.villages)
        .doc(village._id)
        .update({ townshipId, districtId: id, updatedAt: now })
      await t.collection(COLLECTION.auditLogs).add({
        villageId: village._id,
        townshipId,
        subjectType: 'village',
        subjectId: village._id,
        action: 'districtImport',
        ...IMPORTER,
        at: now,
        note: `加入${townshipName}（${f.district.name}）的需求清单和服务清单`,
      })
    }
    await t.collection(COLLECTION.auditLogs).add({
      villageId: id,
      subjectType: 'district',
      subjectId: id,
      action: 'districtImport',
      ...IMPORTER,
      at: now,
      note: `${f.townships.length} 个乡镇（街道）、${f.departments.length} 个部门、${villages.length} 个村、${staff.length} 名工作人员`,
    })
    return id
  })
  return {
    districtId,
    name: f.district.name,
    townships: f.townships.length,
    departments: f.departments.length,
    villages: villages.length,
    staff: staff.map(({ name: n, unit, role, code }) => ({ name: n, unit, role, code })),
  }
}

const ROLE_WORDS = { admin: '管理员', staff: '工作人员' } as const

/** What is printed: each staff member's 启用码 once, and what to do with them. */
export function instructions(d: ImportedDistrict, where: string): string {
  return [
    `已导入：${d.name}（${d.townships} 个乡镇（街道）、${d.departments} 个部门、${d.villages} 个村、${d.staff.length} 名工作人员）`,
    '',
    '工作人员启用码（只显示这一次，请分别交给本人）：',
    '',
    ...d.staff.map(
      (s) => `    ${formatFoundingCode(s.code)}  ${s.name}（${s.unit}，${ROLE_WORDS[s.role]}）`,
    ),
    '',
    '给工作人员：请在微信里打开“逢四说事”小程序，在“我的”里点“我是乡镇（部门）工作人员”，输入自己的启用码。',
    '每个启用码只能用一次。',
    '',
    `For the volunteer: district ${d.districtId} ("${d.name}") was imported into ${where}.`,
    'Each 启用码 is printed only now and stored only as its SHA-256. Hand each one to its person,',
    'not in a group chat. Running the same file again is refused (the district exists already).',
    '',
  ].join('\n')
}

/** Runs the command: answers the text to print, or throws (a Refusal for bad input). */
export async function districtImport(argv: readonly string[], now = new Date()): Promise<string> {
  const args = parseArgs(argv)
  const file = readDistrictFile(args.file)
  return onTarget(args.target, async (db, where) =>
    instructions(await importDistrict(db, file, now), where),
  )
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename

if (isMain) {
  districtImport(process.argv.slice(2))
    .then((out) => process.stdout.write(out))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(e instanceof Refusal ? 2 : 1)
    })
}
