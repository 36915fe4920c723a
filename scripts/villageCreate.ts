// npm run village:create -- --name <村名> --talk-days 4,14,24 [--url <emulator serviceUrl> | --env <envId>] [--data <dir>]
//
// A village's first run (issue #13, point 3): creates the village through the real
// @cloudbase/node-sdk, with the default settings (domain/village/newVillage.ts), an invite code
// (邀请码, cloudfunctions/village/inviteCodes.ts) and a one-time 村委会启用码 stored only as its
// SHA-256 (Village.founding), plus an audit record, in one transaction; then prints the 启用码 once,
// with what to do with it. The first person who enters it in the mini-program (claimVillage)
// becomes the village's first committee member.
//
// Where: --url talks to a running emulator (signed with TENCENTCLOUD_SECRETID / SECRETKEY, as
// `npm run seed -- --url` does); --env to a real CloudBase environment with the API keys in
// TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY; neither: the local data directory (--data,
// default .data/) opened by an emulator of its own. Bad input is refused before anything is
// written (exit code 2), naming what is wrong in Chinese and English.
import tcb from '@cloudbase/node-sdk'
import path from 'node:path'
import * as v from 'valibot'
import type { Village } from '../types/model/member'
import { COLLECTION } from '../cloudfunctions/_shared/collections'
import { runTransaction, type Database } from '../cloudfunctions/_shared/cloud'
import { foundingCodeHash, newFoundingCode } from '../cloudfunctions/village/foundingCodes'
import { isDuplicateKey, newInviteCode } from '../cloudfunctions/village/inviteCodes'
import { formatFoundingCode } from '../domain/village/foundingCode'
import { newVillage } from '../domain/village/newVillage'
import { VILLAGE_CREATE } from '../domain/village/schemas'
import { againstEmulator, sdkFor } from './seed'

export const USAGE =
  'npm run village:create -- --name <村名> --talk-days 4,14,24 [--url <emulator URL> | --env <envId>]'

/**
 * Bad input or a refused target: nothing was written. The message is for the person at the
 * keyboard (the usage line is this command's unless another command's is given).
 */
export class Refusal extends Error {
  constructor(chinese: string, english: string, usage: string = USAGE) {
    super(`${chinese}\n${english}\n用法 usage: ${usage}`)
    this.name = 'Refusal'
  }
}

/** Where a command writes: a running emulator, a CloudBase environment, or local data. */
export type Target = { url: string } | { env: string } | { data: string }

/**
 * `--flag value` pairs of `flags`, each at most once (for any of these first-run commands);
 * `usage` goes with a refusal.
 */
export function flagValues<F extends string>(
  argv: readonly string[],
  flags: readonly F[],
  usage: string = USAGE,
): Partial<Record<F, string>> {
  const values: Partial<Record<F, string>> = {}
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] as F
    if (!flags.includes(flag)) {
      throw new Refusal(`不认识的参数“${argv[i]}”。`, `Unknown argument "${argv[i]}".`, usage)
    }
    const value = argv[i + 1]
    if (value === undefined || value.startsWith('--')) {
      throw new Refusal(`参数 ${flag} 后面缺少内容。`, `${flag} needs a value.`, usage)
    }
    if (values[flag] !== undefined) {
      throw new Refusal(`参数 ${flag} 只能给一次。`, `${flag} is given twice.`, usage)
    }
    values[flag] = value
  }
  return values
}

/** The target of --url, --env or --data (default .data/): at most one of them. */
export function targetOf(
  values: Partial<Record<'--url' | '--env' | '--data', string>>,
  usage: string = USAGE,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Target {
  const given = (['--url', '--env', '--data'] as const).filter((f) => values[f] !== undefined)
  if (given.length > 1) {
    throw new Refusal(
      `${given.join(' 和 ')} 只能选一个。`,
      `Choose one of ${given.join(', ')}: where to write.`,
      usage,
    )
  }
  if (given.length === 0 && env.TCB_ENV_ID) {
    // A volunteer with a real environment set up means it, not the local data folder.
    throw new Refusal(
      `已经设置了 TCB_ENV_ID（${env.TCB_ENV_ID}）：要写到这个云开发环境，请加上 --env ${env.TCB_ENV_ID}；要写到本机，请加上 --data .data。`,
      `TCB_ENV_ID is set: add --env ${env.TCB_ENV_ID} to write there, or --data .data for the local data.`,
      usage,
    )
  }
  return values['--url']
    ? { url: values['--url'] }
    : values['--env']
      ? { env: values['--env'] }
      : { data: values['--data'] ?? '.data' }
}

/** Runs `work` on the target's database; `where` names it for the person at the keyboard. */
export async function onTarget<T>(
  target: Target,
  work: (db: Database, where: string) => Promise<T>,
): Promise<T> {
  if ('env' in target) {
    return work(cloudDatabase(target.env), `the CloudBase environment ${target.env}`)
  }
  if ('url' in target) {
    return work(
      sdkFor(target.url).database() as unknown as Database,
      `the emulator at ${target.url}`,
    )
  }
  return againstEmulator(['--data', target.data], (serviceUrl, credentials) =>
    work(
      sdkFor(serviceUrl, credentials).database() as unknown as Database,
      `the local data in ${target.data}/`,
    ),
  )
}

export interface VillageCreateArgs {
  name: string
  talkDays: number[]
  target: Target
}

const FLAGS = ['--name', '--talk-days', '--url', '--env', '--data'] as const
type Flag = (typeof FLAGS)[number]

/** `4,14,24` (also `4，14，24`, `4、14、24`, spaces): whole numbers as numbers, anything else kept as typed. */
function talkDaysOf(raw: string): unknown[] {
  return raw
    .split(/[,，、\s]+/)
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
}

/** The command line, checked with the same rules the app uses for a village's name and talk days. */
export function parseArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): VillageCreateArgs {
  const values = flagValues<Flag>(argv, FLAGS)
  if (values['--name'] === undefined) {
    throw new Refusal('请用 --name 给出村名。', 'Give the village name with --name.')
  }
  if (values['--talk-days'] === undefined) {
    throw new Refusal(
      '请用 --talk-days 给出每月的说事日，例如 4,14,24。',
      'Give the talk days of the month with --talk-days, e.g. 4,14,24.',
    )
  }
  const target = targetOf(values, USAGE, env)
  const checked = v.safeParse(VILLAGE_CREATE, {
    name: values['--name'],
    talkDays: talkDaysOf(values['--talk-days']),
  })
  if (!checked.success) {
    const issue = checked.issues[0]
    const field = v.getDotPath(issue)?.startsWith('talkDays') ? '--talk-days' : '--name'
    throw new Refusal(issue.message, `${field} is not valid (see the Chinese line above).`)
  }
  return { ...checked.output, target }
}

export interface CreatedVillage {
  villageId: string
  name: string
  talkDays: number[]
  inviteCode: string
  /** The 启用码, normalised (print it with formatFoundingCode). Never stored. */
  foundingCode: string
}

/** Invite codes tried before giving up (a clash is about one in a million per try). */
const ATTEMPTS = 10

/** Who the audit names as having created the village. */
export const CREATOR = { actorId: 'village:create', actorName: '部署人员（village:create）' }

/**
 * Creates the village with its invite code and 启用码 (its hash) and the audit record, in one
 * transaction; a clash on the unique invite code draws another. Refuses a name another village
 * already has, writing nothing. `draw` replaces the random codes (tests).
 */
export async function createVillage(
  db: Database,
  input: Pick<VillageCreateArgs, 'name' | 'talkDays'>,
  now: Date,
  draw: { inviteCode?: () => string; foundingCode?: () => string } = {},
): Promise<CreatedVillage> {
  const { data: same } = await db
    .collection(COLLECTION.villages)
    .where({ name: input.name })
    .limit(1)
    .get()
  if (same.length > 0) {
    throw new Refusal(
      `已经有一个叫“${input.name}”的村了（编号 ${(same[0] as Village)._id}），没有再建。`,
      `A village named "${input.name}" exists already (${(same[0] as Village)._id}); nothing was created.`,
    )
  }
  const foundingCode = (draw.foundingCode ?? newFoundingCode)()
  for (let i = 0; i < ATTEMPTS; i += 1) {
    const inviteCode = (draw.inviteCode ?? newInviteCode)()
    const village = newVillage({
      name: input.name,
      talkDays: input.talkDays,
      at: now,
      inviteCode,
      foundingCodeHash: foundingCodeHash(foundingCode),
    })
    try {
      const villageId = await runTransaction(db, async (t) => {
        const res = (await t.collection(COLLECTION.villages).add(village)) as {
          id?: string
          _id?: string
        }
        const id = res.id ?? res._id
        if (!id) throw new Error('the database answered no id for the new village')
        await t.collection(COLLECTION.auditLogs).add({
          villageId: id,
          subjectType: 'village',
          subjectId: id,
          action: 'createVillage',
          ...CREATOR,
          at: now,
          to: 'founding',
          note: `说事日 ${input.talkDays.join('、')}；村委会启用码已发出，等第一位村委会成员启用`,
        })
        return id
      })
      return { villageId, name: input.name, talkDays: input.talkDays, inviteCode, foundingCode }
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  }
  throw new Error(`no free invite code after ${ATTEMPTS} tries`)
}

/** What is printed: the 启用码 once, instructions for the secretary (Chinese) and the volunteer. */
export function instructions(village: CreatedVillage, where: string): string {
  const code = formatFoundingCode(village.foundingCode)
  return [
    `已创建村子：${village.name}`,
    `说事日：每月 ${village.talkDays.join('、')} 日`,
    `邀请码（村民找村子用）：${village.inviteCode}`,
    '',
    '村委会启用码（只显示这一次，请抄下来交给村干部）：',
    '',
    `    ${code}`,
    '',
    '给村干部：请在微信里打开“逢四说事”小程序，点“去加入村子”，再点“我是村干部，有启用码”，',
    '输入上面的启用码和您的姓名、户号。第一个输入的人就成为本村第一位村委会成员，启用码随即作废。',
    '然后在“村务”里导入户籍名册，审核村民的加入申请。',
    '',
    `For the volunteer: village ${village.villageId} ("${village.name}") was created in ${where}.`,
    `The 启用码 ${code} is printed only now and stored only as its SHA-256, so nobody can read it`,
    'back. Hand it to the village secretary (村支书 or 村主任) in person, not in a group chat. If it',
    `is lost before anyone uses it, delete the document ${village.villageId} of the collection villages in`,
    'the CloudBase console and run this command again.',
    '',
  ].join('\n')
}

/** The database of a real CloudBase environment, with the API keys from this process's environment. */
export function cloudDatabase(env: string): Database {
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env
  if (!secretId || !secretKey) {
    throw new Refusal(
      '没有找到腾讯云的 API 密钥：请先设置 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY。',
      `TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must be set to write to ${env}.`,
    )
  }
  return tcb.init({ env, secretId, secretKey }).database() as Database
}

/** Runs the command: answers the text to print, or throws (a Refusal for bad input). */
export async function villageCreate(argv: readonly string[], now = new Date()): Promise<string> {
  const args = parseArgs(argv)
  return onTarget(args.target, async (db, where) =>
    instructions(await createVillage(db, args, now), where),
  )
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename

if (isMain) {
  villageCreate(process.argv.slice(2))
    .then((text) => process.stdout.write(text))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(e instanceof Refusal ? 2 : 1)
    })
}
