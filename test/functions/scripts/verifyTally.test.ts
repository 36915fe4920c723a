// `npm run verify-tally` run as a person would: the real command line on a file, its exit code and
// its words. The export files and their digests are written by hand; each digest was computed
// outside the code, e.g. printf 'b1,yes\nb2,no\nb3,yes\npaper,spoiled,1\npaper,yes,2\n' | sha256sum
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')
const SCRIPT = path.join(ROOT, 'scripts', 'verifyTally.ts')

const SECRET_EXPORT =
  '\uFEFFballot,choice\r\nb1,yes\r\nb2,no\r\nb3,yes\r\npaper,yes,2\r\npaper,spoiled,1\r\n'
const SECRET_DIGEST = '981b715707091604d6e57d5481fb5f45cdcf89c4acfceaa5e7d05172deb83bfc'
// The same file with b2's choice edited from no to yes:
//   printf 'b1,yes\nb2,yes\nb3,yes\npaper,spoiled,1\npaper,yes,2\n' | sha256sum
const EDITED_DIGEST = 'a8ec5161c71549234b02745fbb23c36fb65288ed5a8790465c2739352ef99ff0'

const OPEN_EXPORT =
  '\uFEFFperson,name,choice\r\np1,王秀英,o1+o3\r\np2,"李小明, 二组",o2\r\np3,张三,o3\r\npaper,o3,4\r\npaper,spoiled,1\r\n'
//   printf 'p1,o1+o3\np2,o2\np3,o3\npaper,o3,4\npaper,spoiled,1\n' | sha256sum
const OPEN_DIGEST = '4bb5525250c2125e905199c562df387343952f5d2d717e7c96ae271fc9bc004b'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'verify-tally-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, text: string): string {
  const p = path.join(dir, name)
  writeFileSync(p, text, 'utf8')
  return p
}

function run(...args: string[]) {
  const r = spawnSync(TSX, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('npm run verify-tally -- <export.csv> <digest>', () => {
  it('a secret export that matches its digest: exit 0, the counts in words', () => {
    const r = run(file('secret.csv', SECRET_EXPORT), SECRET_DIGEST)
    expect(r.code).toBe(0)
    expect(r.out).toBe(
      [
        '不记名投票的选票文件。',
        '计票：赞成 4 票，反对 1 票，弃权 0 票，废票 1 张；共 6 人投票（网上 3 张，纸质 3 张）。',
        `由文件算出的计票摘要：${SECRET_DIGEST}`,
        `公布的计票摘要：      ${SECRET_DIGEST}`,
        '一致：这份选票文件与公布的计票摘要相符，上面的票数就是这次投票的票数。',
        '',
      ].join('\n'),
    )
  })

  it('one ballot edited in the file: exit 1, the mismatch said in words', () => {
    const edited = SECRET_EXPORT.replace('b2,no', 'b2,yes')
    const r = run(file('edited.csv', edited), SECRET_DIGEST)
    expect(r.code).toBe(1)
    expect(r.out).toContain('计票：赞成 5 票，反对 0 票，弃权 0 票，废票 1 张；共 6 人投票')
    expect(r.out).toContain(`由文件算出的计票摘要：${EDITED_DIGEST}`)
    expect(r.out).toContain(
      '不一致：这份选票文件与公布的计票摘要不符。文件可能被改动过，或者不是这次投票的选票',
    )
    expect(r.out).not.toContain('一致：这份选票文件与公布的计票摘要相符')
    // …and the edited file matches the digest of what it now says, so the check is the file's.
    expect(run(file('edited2.csv', edited), EDITED_DIGEST).code).toBe(0)
  })

  it('an open choice export (names quoted) matches; rows in another order too', () => {
    const r = run(file('open.csv', OPEN_EXPORT), OPEN_DIGEST.toUpperCase())
    expect(r.code).toBe(0)
    expect(r.out).toContain('记名投票的选票文件。')
    expect(r.out).toContain(
      '计票：选项 o1 得 1 票，选项 o2 得 1 票，选项 o3 得 6 票，废票 1 张；共 8 人投票（网上 3 张，纸质 5 张）。',
    )
    const shuffled =
      'person,name,choice\npaper,spoiled,1\np3,张三,o3\npaper,o3,4\np1,王秀英,o1+o3\np2,"李小明, 二组",o2\n'
    expect(run(file('shuffled.csv', shuffled), OPEN_DIGEST).code).toBe(0)
  })

  it('a bad file, a missing file, a malformed digest or missing arguments: exit 2', () => {
    const bad = run(file('bad.csv', 'ballot,choice\nb1,maybe\n'), SECRET_DIGEST)
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('读不懂这个选票文件：选票文件第 2 行有误：不认识的选择“maybe”')
    expect(run(path.join(dir, 'none.csv'), SECRET_DIGEST).code).toBe(2)
    const digest = run(file('ok.csv', SECRET_EXPORT), 'abc123')
    expect(digest.code).toBe(2)
    expect(digest.err).toContain('公布的计票摘要“abc123”格式不对')
    const usage = run()
    expect(usage.code).toBe(2)
    expect(usage.err).toContain(
      '用法：npm run verify-tally -- <导出的选票文件.csv> <公布的计票摘要>',
    )
  })
})
