/**
 * `npm run migrate` as a command (scripts/migrate.ts migrateCommand): the same targets as
 * village:create — a running emulator (--url), a real environment (--env, with the API keys from
 * the environment) or local data — and the same refusals: --env without keys, and no target while
 * TCB_ENV_ID is set, refused before anything is read (exit code 2 from the real script). Against
 * the emulator every migration runs and a second run changes nothing.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { MIGRATIONS, migrateCommand } from '../../../scripts/migrate'
import { Refusal } from '../../../scripts/villageCreate'
import { startBackend, type Backend } from '../support/backend'
import { seedCast } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')
const SCRIPT = path.join(ROOT, 'scripts', 'migrate.ts')
const run = promisify(execFile)

let backend: Backend
beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
})
afterAll(() => backend.close())

describe('npm run migrate', () => {
  it('runs every migration on the emulator named by --url, and a second run changes nothing', async () => {
    const url = backend.emulator.serviceUrl
    const first = await migrateCommand(['--url', url], {})
    expect(first[0]).toBe(`migrate: the emulator at ${url}`)
    expect(first).toHaveLength(MIGRATIONS.length + 1)
    const before = await snapshot(backend)
    const second = await migrateCommand(['--url', url], {})
    expect(second.slice(1)).toEqual(MIGRATIONS.map((m) => `${m.name}: 0 changed`))
    expect(await snapshot(backend)).toEqual(before)
  })

  it('with TCB_ENV_ID set and no target, refuses rather than open the local data', async () => {
    await expect(migrateCommand([], { TCB_ENV_ID: 'fengsi-prod-1a2b' })).rejects.toThrow(Refusal)
    await expect(migrateCommand([], { TCB_ENV_ID: 'fengsi-prod-1a2b' })).rejects.toThrow(
      '已经设置了 TCB_ENV_ID（fengsi-prod-1a2b）：要写到这个云开发环境，请加上 --env fengsi-prod-1a2b；要写到本机，请加上 --data .data。',
    )
  })

  it('the real command refuses --env without API keys (exit 2), before anything is sent', async () => {
    const env = { ...process.env }
    delete env.TENCENTCLOUD_SECRETID
    delete env.TENCENTCLOUD_SECRETKEY
    delete env.TCB_ENV_ID
    const out = await run(TSX, [SCRIPT, '--env', 'fengsi-prod'], {
      cwd: ROOT,
      env: { ...env, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code?: number; stderr?: string }) => ({ code: e.code ?? -1, stderr: e.stderr ?? '' }),
    )
    expect(out.code).toBe(2)
    expect(out.stderr).toContain(
      '没有找到腾讯云的 API 密钥：请先设置 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY。',
    )
  })

  it('an unknown flag is refused', async () => {
    await expect(migrateCommand(['--dry-run', 'x'], {})).rejects.toThrow(
      '不认识的参数“--dry-run”。',
    )
  })
})
