/** Shared input checks: photo ids, and free text through the one normalisation. */
import * as v from 'valibot'
import {
  optionalText,
  parseInput,
  photoCloudPath,
  photoEnvironment,
  photos,
  text,
} from '../../../domain/shared/validate'

describe('photo ids', () => {
  it.each([
    ['cloud://local.local-emulator/matters/2026-11/lq3k2a9xz1.jpg', 'local'],
    ['cloud://prod-1a2b.7072-prod-1a2b-1250000000/matters/2026-01/abcdefgh.webp', 'prod-1a2b'],
    ['cloud://local.local-emulator/../../etc/passwd', undefined],
    ['cloud://local.local-emulator/matters/../../etc/passwd.jpg', undefined],
    ['cloud://local.local-emulator/matters/2026-11/../abcdefgh.jpg', undefined],
    ['cloud://local.local-emulator/matters/2026-11/%2e%2e%2fabcdefgh.jpg', undefined],
    ['cloud://local.local-emulator/oVx3_openid-of-someone/2026-11/abcdefgh.jpg', undefined],
    ['cloud://local.local-emulator/uploads/2026-11/abcdefgh.jpg', undefined],
    ['cloud://local.local-emulator/matters/2026-13/abcdefgh.jpg', undefined],
    ['cloud://local.local-emulator/matters/2026-11/abcdefgh.exe', undefined],
    ['cloud://local.local-emulator/matters/2026-11/abcdefgh.jpg?x=1', undefined],
    ['cloud://local.local-emulator/matters/2026-11/abcdefgh.jpg\n', undefined],
    ['cloud://local.local-emulator/matters/2026-11/ABCDEFGH.jpg', undefined],
    ['local://matters/2026-11/abcdefgh.jpg', undefined],
    ['https://example.com/matters/2026-11/abcdefgh.jpg', undefined],
    ['cloud://local.local-emulator/matters/2026-11/abc.jpg', undefined],
  ])('%j belongs to %j', (id, env) => {
    expect(photoEnvironment(id)).toBe(env)
  })

  it('the path the app uploads to makes an accepted id', () => {
    const path = photoCloudPath('png', new Date('2026-11-21T07:00:00Z'), 'lq3k2a9xz1')
    expect(path).toBe('matters/2026-11/lq3k2a9xz1.png')
    expect(photoEnvironment(`cloud://local.local-emulator/${path}`)).toBe('local')
  })

  it('the schema refuses a path outside the photo folder in plain words', () => {
    expect(() => parseInput(photos, ['cloud://local.local-emulator/../../etc/passwd'])).toThrow(
      '照片不对，请重新上传',
    )
  })
})

describe('text fields', () => {
  const title = v.object({ title: text('标题', 5) })
  const note = v.object({ note: optionalText('备注', 5, { multiline: true }) })

  it('checks emptiness after normalising', () => {
    expect(() => parseInput(title, { title: '\u200b\u200b\u200b' })).toThrow('请填写标题')
    expect(() => parseInput(title, { title: ' \u202e\u3000' })).toThrow('请填写标题')
  })

  it('checks the length after normalising (invisible characters do not count)', () => {
    expect(parseInput(title, { title: '一\u200b二\u200b三\u200b四\u200b五' })).toEqual({
      title: '一二三四五',
    })
    expect(() => parseInput(title, { title: '一二三四五六' })).toThrow('标题不能超过 5 个字')
  })

  it('refuses what it cannot store, in plain words', () => {
    expect(() => parseInput(title, { title: '路\u0000灯' })).toThrow(
      '标题里有无法显示的字符，请删掉后重新输入',
    )
    expect(() => parseInput(note, { note: '\ud800' })).toThrow(
      '备注里有无法显示的字符，请删掉后重新输入',
    )
  })

  it('refuses a flood before reading it', () => {
    expect(() => parseInput(title, { title: '\u200b'.repeat(100_000) })).toThrow(
      '标题不能超过 5 个字',
    )
  })

  it('an optional field may end up empty', () => {
    expect(parseInput(note, { note: '\u200b' })).toEqual({ note: '' })
    expect(parseInput(note, {})).toEqual({ note: '' })
  })
})
