// The real upload code (deploy/upload.ts) against a recording stand-in for the build and
// miniprogram-ci: what it asks for, compared with plans written here by hand. Nothing is sent.
import fs from 'node:fs'
import path from 'node:path'
import {
  changelogSections,
  descriptionOf,
  upload,
  UploadRefused,
  type UploadInputs,
  type UploadPorts,
} from '../../deploy/upload'
import { main } from '../../scripts/upload'

const CHANGELOG = `# Changelog

Some words about this file.

## 1.4.0 — 2026-12-20

Photos on the notice board, and **faster** \`npm start\`.

- The notice shows a matter's photos.
- \`npm start\` starts in half the time.

## 1.3.0 — 2026-12-01

- Polls count proxies.
`

const KEY = '-----BEGIN RSA PRIVATE KEY-----\nnever-printed\n-----END RSA PRIVATE KEY-----'

const inputs = (env: Record<string, string | undefined>, version = '1.4.0'): UploadInputs => ({
  version,
  changelog: CHANGELOG,
  projectPath: 'dist',
  env,
  exists: (file) => file === '/keys/private.wx1234.key',
})

const recording = () => {
  const calls: Array<{ op: string; args: unknown[] }> = []
  const ports: UploadPorts = {
    build: async (env) => {
      calls.push({ op: 'build', args: [env] })
    },
    createProject: async (options) => {
      calls.push({ op: 'createProject', args: [options] })
      return { a: 'project' }
    },
    upload: async (options) => {
      calls.push({ op: 'upload', args: [options] })
      return { subPackageInfo: [{ name: '__FULL__', size: 921 * 1024 }] }
    },
  }
  return { calls, ports }
}

const ENV = {
  WX_APPID: 'wx1234567890abcdef',
  WX_UPLOAD_KEY_PATH: '/keys/private.wx1234.key',
  TCB_ENV_ID: 'fengsi-prod-1a2b',
  TARO_APP_TMPL_POLL_RESULT: 'tmpl-poll-result',
  HOME: '/root',
}

describe('npm run upload', () => {
  it('builds with the environment’s TARO_APP_* variables, then uploads version and description', async () => {
    const { calls, ports } = recording()
    const lines: string[] = []
    await upload(ports, inputs(ENV), { log: (l) => lines.push(l) })
    expect(calls).toEqual([
      {
        op: 'build',
        args: [
          { TARO_APP_TMPL_POLL_RESULT: 'tmpl-poll-result', TARO_APP_CLOUD_ENV: 'fengsi-prod-1a2b' },
        ],
      },
      {
        op: 'createProject',
        args: [
          {
            appid: 'wx1234567890abcdef',
            type: 'miniProgram',
            projectPath: 'dist',
            privateKeyPath: '/keys/private.wx1234.key',
            ignores: ['node_modules/**/*'],
          },
        ],
      },
      {
        op: 'upload',
        args: [
          {
            project: { a: 'project' },
            version: '1.4.0',
            desc: 'Photos on the notice board, and faster npm start.',
            robot: 1,
            setting: { useProjectConfig: true },
          },
        ],
      },
    ])
    expect(lines).toEqual(['whole: 921 KB'])
  })

  it('takes the key’s content from WX_UPLOAD_KEY when no key file is named', async () => {
    const { calls, ports } = recording()
    await upload(ports, inputs({ WX_APPID: 'wx1234567890abcdef', WX_UPLOAD_KEY: KEY }), {
      log: () => undefined,
    })
    expect(calls[1].args[0]).toEqual({
      appid: 'wx1234567890abcdef',
      type: 'miniProgram',
      projectPath: 'dist',
      privateKey: KEY,
      ignores: ['node_modules/**/*'],
    })
  })

  it('refuses without credentials, and builds and sends nothing', async () => {
    const { calls, ports } = recording()
    const outcome = await upload(ports, inputs({}), { log: () => undefined }).catch(
      (e: unknown) => e,
    )
    expect(outcome).toBeInstanceOf(UploadRefused)
    expect((outcome as UploadRefused).problems).toEqual([
      'WX_APPID is not set: the mini-program’s AppID (wx…, 开发管理 → 开发设置)',
      'no upload key: set WX_UPLOAD_KEY_PATH to the key file (or WX_UPLOAD_KEY to its content), downloaded from 开发管理 → 开发设置 → 小程序代码上传',
    ])
    expect(calls).toEqual([])
  })

  it('refuses a key file that is not there, a dev-login build, and a version without its CHANGELOG section', async () => {
    const { calls, ports } = recording()
    const env = { ...ENV, WX_UPLOAD_KEY_PATH: '/keys/missing.key', TARO_APP_DEV_LOGIN: '1' }
    const outcome = await upload(ports, inputs(env, '1.5.0'), { log: () => undefined }).catch(
      (e: unknown) => e,
    )
    expect((outcome as UploadRefused).problems).toEqual([
      'WX_UPLOAD_KEY_PATH names /keys/missing.key, which does not exist',
      'TARO_APP_DEV_LOGIN is set: that build lets anyone sign in as a demo member; unset it for an upload',
      "the newest section of CHANGELOG.md is 1.4.0, but package.json's version is 1.5.0: write this version's section first",
    ])
    expect(calls).toEqual([])
  })
})

describe('CHANGELOG.md', () => {
  it('is read newest first, each section’s first paragraph its description', () => {
    const sections = changelogSections(CHANGELOG)
    expect(sections.map((s) => s.version)).toEqual(['1.4.0', '1.3.0'])
    expect(descriptionOf(sections[1])).toBe('Polls count proxies.')
    expect(descriptionOf(sections[0], 20)).toBe('Photos on the notic…')
  })

  it('the project’s own: its newest section is package.json’s version, with a description', () => {
    const root = path.join(__dirname, '../..')
    const version = (
      JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
    ).version
    const newest = changelogSections(fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'))[0]
    expect(newest.version).toBe(version)
    expect(descriptionOf(newest).length).toBeGreaterThan(20)
    expect(
      changelogSections(fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')).map(
        (s) => s.version,
      ),
    ).toContain('0.1.0')
  })
})

describe('npm run upload -- --dry-run', () => {
  it('prints the whole plan with no credentials, the key’s content never', async () => {
    const lines: string[] = []
    await main(['--dry-run'], { WX_APPID: 'wx1234567890abcdef', WX_UPLOAD_KEY: KEY }, (l) =>
      lines.push(l),
    )
    const text = lines.join('\n')
    expect(text).not.toContain('never-printed')
    expect(lines.filter((l) => /^ *\d+\. /.test(l))).toEqual([
      '  1. build: npm run build:weapp (production, into dist/) with no TARO_APP_* variables',
      '  2. miniprogram-ci new Project appid=wx1234567890abcdef type=miniProgram projectPath=dist privateKey=<set> ignores=node_modules/**/*',
      expect.stringMatching(
        /^ {2}3\. miniprogram-ci upload version=\d+\.\d+\.\d+ robot=1 useProjectConfig=true desc=".+"$/,
      ),
    ])
    expect(lines[lines.length - 1]).toBe('dry run done: nothing was built or sent')
  })

  it('a misspelt flag is refused before anything runs; npm’s own --dry-run counts', async () => {
    const lines: string[] = []
    const env = { WX_APPID: 'wx1234567890abcdef', WX_UPLOAD_KEY: KEY }
    await expect(main(['--dryrun'], env, (l) => lines.push(l))).rejects.toThrow(
      'unknown argument --dryrun: npm run upload [-- --dry-run]',
    )
    expect(lines).toEqual([])
    // `npm run upload --dry-run` (no `--`) reaches the script as npm_config_dry_run
    await main([], { ...env, npm_config_dry_run: 'true' }, (l) => lines.push(l))
    expect(lines[0]).toBe('DRY RUN: nothing is built or sent to WeChat.')
  })

  it('names what a real upload would miss, and still prints the plan', async () => {
    const lines: string[] = []
    await main(['--dry-run'], {}, (l) => lines.push(l))
    expect(lines.filter((l) => l.startsWith('! '))).toHaveLength(2)
    expect(lines.filter((l) => /^ *\d+\. /.test(l))).toHaveLength(3)
  })
})
