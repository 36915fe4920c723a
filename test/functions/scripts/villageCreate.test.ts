/**
 * `npm run village:create` (scripts/villageCreate.ts) against the emulator through the real SDK:
 * the real script, spawned with --url, creates the village with the default settings, an invite
 * code and a 启用码 kept only as its SHA-256, audited, and prints the code once — which then makes
 * its first enterer the committee (claimVillage). Bad input is refused with the reason, exit code
 * 2, and nothing written (the whole database compared). Expected documents written by hand.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { promisify } from 'node:util'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Database } from '../../../cloudfunctions/_shared/cloud'
import { createVillage, Refusal, villageCreate } from '../../../scripts/villageCreate'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { insert, village } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')
const SCRIPT = path.join(ROOT, 'scripts', 'villageCreate.ts')
const run = promisify(execFile)

/** The defaults a new village starts with (issue #4's and #10's), written out. */
const SETTINGS = {
  agendaSize: 10,
  responseDeadlineDays: 3,
  reportThreshold: 3,
  ratingWindowDays: 7,
  pollNoticeDays: 3,
  proxyLimit: 3,
}

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  insert(backend, COLLECTION.villages, [village('old', '老村', { inviteCode: 'TAKEN2' })])
})
afterAll(() => backend.close())

/** The real command, as a volunteer runs it, against this test's emulator. */
async function spawnCreate(args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    const { stdout, stderr } = await run(TSX, [SCRIPT, ...args], { cwd: ROOT, env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

describe('npm run village:create', () => {
  it('creates the village and prints its 启用码 once, which makes its first enterer the committee', async () => {
    const started = Date.now()
    const out = await spawnCreate([
      '--name',
      ' 青石村 ',
      '--talk-days',
      '24，4, 14',
      '--url',
      backend.emulator.serviceUrl,
    ])
    expect(out).toMatchObject({ code: 0, stderr: '' })
    const printed = /^ {4}([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})$/m.exec(
      out.stdout,
    )?.[1]
    const invite = /邀请码（村民找村子用）：([2-9A-HJ-NP-Z]{6})\n/.exec(out.stdout)?.[1]
    expect([printed, invite]).toEqual([expect.any(String), expect.any(String)])
    expect(out.stdout).toContain('已创建村子：青石村\n说事日：每月 4、14、24 日\n')
    expect(out.stdout).toContain('点“去加入村子”，再点“我是村干部，有启用码”')
    expect(out.stdout).toContain('is printed only now and stored only as its SHA-256')
    // printed once
    expect(out.stdout.split(String(printed))).toHaveLength(3) // the line, and the English note

    const created = (await backend.all(COLLECTION.villages)).filter((v) => v.name === '青石村')
    expect(created).toHaveLength(1)
    const [v] = created as Array<Record<string, unknown> & { _id: string; createdAt: Date }>
    expect(v.createdAt.getTime()).toBeGreaterThanOrEqual(started - 1000)
    expect(v.createdAt.getTime()).toBeLessThanOrEqual(Date.now())
    expect(v).toEqual({
      _id: v._id,
      name: '青石村',
      talkDays: [4, 14, 24],
      counts: { adults: 0, households: 0, representatives: 0 },
      settings: SETTINGS,
      inviteCode: invite,
      founding: { codeHash: sha256(String(printed).replace(/-/g, '')), issuedAt: v.createdAt },
      createdAt: v.createdAt,
      updatedAt: v.createdAt,
    })
    expect(out.stdout).toContain(`village ${v._id} ("青石村")`)
    const audits = (await backend.all(COLLECTION.auditLogs)).filter((a) => a.subjectId === v._id)
    expect(audits).toEqual([
      {
        _id: expect.any(String),
        villageId: v._id,
        subjectType: 'village',
        subjectId: v._id,
        action: 'createVillage',
        actorId: 'village:create',
        actorName: '部署人员（village:create）',
        at: v.createdAt,
        to: 'founding',
        note: '说事日 4、14、24；村委会启用码已发出，等第一位村委会成员启用',
      },
    ])
    // the code itself is nowhere in the database
    const everything = JSON.stringify(await snapshot(backend))
    expect(everything).not.toContain(String(printed))
    expect(everything).not.toContain(String(printed).replace(/-/g, ''))

    // the printed code, entered by a new WeChat user: the village's first committee member
    const claim = await backend.call('openid-secretary', 'village', 'claimVillage', {
      code: String(printed).toLowerCase(),
      name: '周书记',
      householdNo: '001',
      phone: '',
    })
    expect(claim.ok && claim.data).toEqual({
      memberId: expect.any(String),
      villageId: v._id,
      villageName: '青石村',
      roles: ['resident', 'committee'],
    })
    const again = await backend.call('openid-late', 'village', 'claimVillage', {
      code: String(printed),
      name: '李主任',
      householdNo: '002',
      phone: '',
    })
    expect(again.ok ? 'ok' : again.error.code).toBe('NOT_FOUND')
  })

  it.each([
    [['--talk-days', '4,14,24'], '请用 --name 给出村名。'],
    [['--name', '青石村'], '请用 --talk-days 给出每月的说事日，例如 4,14,24。'],
    [['--name', '', '--talk-days', '4'], '请填写村名'],
    [['--name', '村'.repeat(31), '--talk-days', '4'], '村名不能超过 30 个字'],
    [['--name', '新村', '--talk-days', '4,32'], '说事日设置有误：“32”不是 1 到 31 之间的日子'],
    [['--name', '新村', '--talk-days', '4,十四'], '说事日应当是 1 到 31 之间的日子'],
    [['--name', '新村', '--talk-days', ','], '说事日设置有误：至少要有一天'],
    [
      ['--name', '新村', '--talk-days', '4', '--env', 'x', '--url', 'y'],
      '--url 和 --env 只能选一个。',
    ],
    [['--name', '新村', '--talk-days', '4', '--force', 'yes'], '不认识的参数“--force”。'],
    [['--name', '新村', '--talk-days'], '参数 --talk-days 后面缺少内容。'],
    [['--name', '老村', '--talk-days', '4'], '已经有一个叫“老村”的村了（编号 old），没有再建。'],
  ])('%j is refused, writing nothing: %s', async (args, message) => {
    const before = await snapshot(backend)
    const withTarget = args.some((a) => a === '--env' || a === '--url')
      ? args
      : [...args, '--url', backend.emulator.serviceUrl]
    await expect(villageCreate(withTarget, TEST_NOW)).rejects.toThrow(message)
    await expect(villageCreate(withTarget, TEST_NOW)).rejects.toBeInstanceOf(Refusal)
    expect(await snapshot(backend)).toEqual(before)
  })

  it('the real command refuses with exit code 2 and the reason in both languages', async () => {
    const before = await snapshot(backend)
    const out = await spawnCreate([
      '--name',
      '新村',
      '--talk-days',
      '0',
      '--url',
      backend.emulator.serviceUrl,
    ])
    expect(out.code).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr).toContain('说事日设置有误：“0”不是 1 到 31 之间的日子\n')
    expect(out.stderr).toContain('--talk-days is not valid')
    expect(await snapshot(backend)).toEqual(before)
  })

  it('a real environment without API keys is refused before anything is sent', async () => {
    const env = { ...process.env }
    delete env.TENCENTCLOUD_SECRETID
    delete env.TENCENTCLOUD_SECRETKEY
    const out = await spawnCreate(['--name', '新村', '--talk-days', '4', '--env', 'fengsi-prod'], {
      ...env,
      // no route anywhere: a request would fail differently (and slowly), not with this refusal
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
    })
    expect(out.code).toBe(2)
    expect(out.stderr).toContain(
      '没有找到腾讯云的 API 密钥：请先设置 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY。',
    )
  })

  it('with TCB_ENV_ID set and no --env, --url or --data it refuses rather than write locally', async () => {
    const out = await spawnCreate(['--name', '新村', '--talk-days', '4'], {
      ...process.env,
      TCB_ENV_ID: 'fengsi-prod-1a2b',
    })
    expect(out.code).toBe(2)
    expect(out.stderr).toContain(
      '已经设置了 TCB_ENV_ID（fengsi-prod-1a2b）：要写到这个云开发环境，请加上 --env fengsi-prod-1a2b；要写到本机，请加上 --data .data。',
    )
  })

  it('a clash on the unique invite code draws another; the 启用码 is stored as its SHA-256', async () => {
    const codes = ['TAKEN2', 'FRESH3']
    const db = backend.db as unknown as Database
    const created = await createVillage(db, { name: '柳树村', talkDays: [4, 14, 24] }, TEST_NOW, {
      inviteCode: () => codes.shift() as string,
      foundingCode: () => 'K7PM4XQ29TRW',
    })
    expect(created).toEqual({
      villageId: expect.any(String),
      name: '柳树村',
      talkDays: [4, 14, 24],
      inviteCode: 'FRESH3',
      foundingCode: 'K7PM4XQ29TRW',
    })
    const stored = (await backend.all(COLLECTION.villages)).find((v) => v._id === created.villageId)
    expect(stored).toEqual({
      _id: created.villageId,
      name: '柳树村',
      talkDays: [4, 14, 24],
      counts: { adults: 0, households: 0, representatives: 0 },
      settings: SETTINGS,
      inviteCode: 'FRESH3',
      // sha256sum of K7PM4XQ29TRW
      founding: {
        codeHash: '2fab882ac9ef83eafbba7c62551fedf7f6605d1fe6b41e2e0d24318b68219253',
        issuedAt: TEST_NOW,
      },
      createdAt: TEST_NOW,
      updatedAt: TEST_NOW,
    })
    // the clash wrote nothing: one audit record for the one village
    const audits = (await backend.all(COLLECTION.auditLogs)).filter(
      (a) => a.action === 'createVillage' && a.villageId === created.villageId,
    )
    expect(audits).toHaveLength(1)
    expect(
      (await backend.all(COLLECTION.villages)).filter((v) => v.name === '柳树村'),
    ).toHaveLength(1)
  })
})
