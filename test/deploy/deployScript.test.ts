// scripts/deploy.ts as a volunteer runs it: the dry run on a fresh clone (no credentials, no
// variables) prints the whole plan and sends nothing; a real run refuses what it must before any
// client exists.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { main } from '../../scripts/deploy'
import type { DeployRefused } from '../../deploy/deploy'

const SECRET = 'a-ballot-key-that-must-never-be-printed-0123'

const runMain = async (args: string[], env: Record<string, string | undefined>) => {
  const lines: string[] = []
  const outcome = await main(args, env, (l) => lines.push(l)).then(
    () => undefined,
    (e: unknown) => e,
  )
  return { lines, outcome }
}

describe('npm run deploy -- --dry-run', () => {
  it('prints the complete plan on a fresh clone with no credentials and no variables', async () => {
    const { lines, outcome } = await runMain(['--dry-run'], {})
    expect(outcome).toBeUndefined()
    const text = lines.join('\n')
    expect(text).toContain('environment: <unset> (--env <id> or TCB_ENV_ID)')
    expect(text).toContain('TENCENTCLOUD_SECRETID <unset>, TENCENTCLOUD_SECRETKEY <unset>')
    expect(text).toContain('! BALLOT_SECRET_MISSING')
    expect(text).toContain('POLLS_BALLOT_SECRET=<unset>')
    // numbered calls, in order: build first, the checks last
    const calls = lines.filter((l) => /^ *\d+\. /.test(l))
    expect(calls[0]).toBe('  1. build')
    expect(calls).toHaveLength(141)
    expect(calls[140]).toBe('141. functions.getFunctionDetail whistles')
    expect(lines[lines.length - 1]).toBe(
      'dry run done: 9 functions and 28 collections; nothing was sent',
    )
  })

  it('shows a set ballot key as <set>, never its value', async () => {
    const { lines } = await runMain(['--dry-run', '--env', 'fengsi-1a2b'], {
      POLLS_BALLOT_SECRET: SECRET,
      FENGSI_NOTIFY: 'wechat',
    })
    const text = lines.join('\n')
    expect(text).not.toContain(SECRET)
    expect(text).toContain('POLLS_BALLOT_SECRET=<set>, FENGSI_NOTIFY=wechat')
    expect(text).toContain('"EnvId":"fengsi-1a2b"')
    expect(text).not.toContain('BALLOT_SECRET_MISSING')
  })
})

describe('the dry run, as a process', () => {
  it('runs in a network namespace with no routes and no variables at all', () => {
    // `unshare -n` (root, as in CI): any attempt to reach a network would fail the run.
    const root = path.join(__dirname, '../..')
    const res = spawnSync(
      'unshare',
      ['-n', path.join(root, 'node_modules/.bin/tsx'), 'scripts/deploy.ts', '--dry-run'],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '' } as unknown as NodeJS.ProcessEnv,
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    expect(res.stderr).toBe('')
    expect(res.status).toBe(0)
    expect(res.stdout).toContain('141. functions.getFunctionDetail whistles')
  })
})

describe('npm run deploy (real)', () => {
  it('refuses without the ballot key, before anything else', async () => {
    const { outcome } = await runMain(['--env', 'fengsi-1a2b'], {
      TENCENTCLOUD_SECRETID: 'id',
      TENCENTCLOUD_SECRETKEY: 'key',
    })
    expect((outcome as DeployRefused).code).toBe('BALLOT_SECRET_MISSING')
  })

  it('refuses a misspelt or incomplete flag before anything runs, even with everything set', async () => {
    const ready = {
      POLLS_BALLOT_SECRET: SECRET,
      TENCENTCLOUD_SECRETID: 'id',
      TENCENTCLOUD_SECRETKEY: 'key',
      TCB_ENV_ID: 'fengsi-1a2b',
    }
    for (const args of [['--dryrun'], ['-dry-run'], ['--env'], ['--env', '--dry-run']]) {
      const { outcome, lines } = await runMain(args, ready)
      expect((outcome as DeployRefused).code).toBe('USAGE')
      expect((outcome as DeployRefused).message).toContain('npm run deploy -- [--dry-run]')
      expect(lines).toEqual([])
    }
  })

  it('`npm run deploy --dry-run` without the `--` (npm_config_dry_run) is a dry run', async () => {
    const { outcome, lines } = await runMain([], {
      npm_config_dry_run: 'true',
      TENCENTCLOUD_SECRETID: 'id',
      TENCENTCLOUD_SECRETKEY: 'key',
    })
    expect(outcome).toBeUndefined()
    expect(lines[0]).toMatch(/^DRY RUN: nothing is sent anywhere/)
  })

  it('refuses without an environment id or without credentials', async () => {
    const noEnv = await runMain([], { POLLS_BALLOT_SECRET: SECRET })
    expect((noEnv.outcome as DeployRefused).code).toBe('ENV_ID_MISSING')
    const noKeys = await runMain(['--env', 'fengsi-1a2b'], { POLLS_BALLOT_SECRET: SECRET })
    expect((noKeys.outcome as DeployRefused).code).toBe('CREDENTIALS_MISSING')
  })
})
