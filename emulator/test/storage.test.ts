// File storage: plain HTTP upload and download (what the H5 client does), the REAL SDK's storage
// calls (getTempFileURL, downloadFile, uploadFile, deleteFile), the limits, and persistence.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { rejectionOf, sdkFor, start } from './helpers'
import { MAX_UPLOAD_BYTES, type Emulator } from '../src/index'

jest.setTimeout(30_000)

// A real 1×1 PNG, and the first bytes of the other accepted formats.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01])
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(14),
])
// What domain/shared/validate.ts `photos` accepts as a photo's file id.
const PHOTO_ID = /^(cloud|local):\/\/[^\s]{1,300}$/

interface Answer {
  status: number
  body: Record<string, unknown>
}

const upload = async (
  emulator: Emulator,
  bytes: Buffer,
  options: { cloudPath?: string; type?: string; headers?: Record<string, string> } = {},
): Promise<Answer> => {
  const query = options.cloudPath ? `?cloudPath=${encodeURIComponent(options.cloudPath)}` : ''
  const res = await fetch(`${emulator.url}/storage/upload${query}`, {
    method: 'POST',
    headers: { 'content-type': options.type ?? 'image/png', ...options.headers },
    body: new Uint8Array(bytes),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const download = async (url: string): Promise<{ status: number; type: string; bytes: Buffer }> => {
  const res = await fetch(encodeURI(url))
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  }
}

const fileIdOf = (answer: Answer): string => {
  const id = answer.body.fileID
  if (typeof id !== 'string') throw new Error(`no fileID in ${JSON.stringify(answer.body)}`)
  return id
}

describe('file storage over HTTP (the H5 client)', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await start({ dev: true })
  })
  afterAll(() => emulator.close())

  it('stores an image at the given cloud path and answers a CloudBase-shaped fileID', async () => {
    const answer = await upload(emulator, PNG, { cloudPath: 'matters/2025-06/a1b2.png' })
    expect(answer).toEqual({
      status: 200,
      body: {
        fileID: 'cloud://local.local-emulator/matters/2025-06/a1b2.png',
        size: PNG.length,
        contentType: 'image/png',
      },
    })
    expect(fileIdOf(answer)).toMatch(PHOTO_ID)
    const got = await download(`${emulator.url}/storage/files/matters/2025-06/a1b2.png`)
    expect(got.status).toBe(200)
    expect(got.type).toBe('image/png')
    expect(got.bytes.equals(PNG)).toBe(true)
  })

  it('names the file itself when no cloud path is given, with the extension of its format', async () => {
    const answer = await upload(emulator, JPEG, { type: 'application/octet-stream' })
    expect(answer.status).toBe(200)
    expect(fileIdOf(answer)).toMatch(
      /^cloud:\/\/local\.local-emulator\/uploads\/\d{4}-\d{2}\/[0-9a-f]{24}\.jpg$/,
    )
    expect(answer.body.contentType).toBe('image/jpeg')
  })

  it('accepts JPEG, PNG, GIF and WebP by their first bytes', async () => {
    const kinds: Array<[Buffer, string]> = [
      [JPEG, 'image/jpeg'],
      [PNG, 'image/png'],
      [GIF, 'image/gif'],
      [WEBP, 'image/webp'],
    ]
    for (const [bytes, type] of kinds) {
      const answer = await upload(emulator, bytes, { type: 'text/plain' })
      expect([answer.status, answer.body.contentType]).toEqual([200, type])
    }
  })

  it('refuses a file that is not an image, whatever its content type says, and keeps nothing', async () => {
    const text = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    const answer = await upload(emulator, text, {
      cloudPath: 'matters/2025-06/fake.png',
      type: 'image/png',
    })
    expect(answer.status).toBe(415)
    expect(answer.body).toMatchObject({
      code: 'STORAGE_NOT_IMAGE',
      message: '只能上传照片（JPG、PNG、WebP 或 GIF 格式）。',
    })
    const got = await download(`${emulator.url}/storage/files/matters/2025-06/fake.png`)
    expect(got.status).toBe(404)
  })

  it('takes an image of exactly the limit and refuses one byte more, keeping nothing', async () => {
    const atLimit = Buffer.alloc(MAX_UPLOAD_BYTES)
    JPEG.copy(atLimit)
    const ok = await upload(emulator, atLimit, { cloudPath: 'big/at-limit.jpg' })
    expect([ok.status, ok.body.size]).toEqual([200, MAX_UPLOAD_BYTES])

    const over = Buffer.alloc(MAX_UPLOAD_BYTES + 1)
    JPEG.copy(over)
    const refused = await upload(emulator, over, { cloudPath: 'big/over.jpg' })
    expect(refused.status).toBe(413)
    expect(refused.body).toMatchObject({
      code: 'STORAGE_FILE_TOO_LARGE',
      message: '照片太大了，每张不能超过 5 MB。',
    })
    expect((await download(`${emulator.url}/storage/files/big/over.jpg`)).status).toBe(404)
  })

  it('refuses an empty body and a cloud path that climbs out or uses odd characters', async () => {
    const empty = await upload(emulator, Buffer.alloc(0))
    expect([empty.status, empty.body.code]).toEqual([400, 'STORAGE_EMPTY_FILE'])
    expect(empty.body.message).toBe('没有收到照片，请重新选择。')
    for (const cloudPath of [
      '../escape.png',
      'a/../../b.png',
      'a//b.png',
      'a/b c.png',
      'a/<b>.png',
    ]) {
      const answer = await upload(emulator, PNG, { cloudPath })
      expect([cloudPath, answer.status, answer.body.code]).toEqual([
        cloudPath,
        400,
        'STORAGE_INVALID_PATH',
      ])
    }
  })

  it('keeps Chinese file names', async () => {
    const answer = await upload(emulator, PNG, { cloudPath: 'matters/水渠/照片.png' })
    expect(fileIdOf(answer)).toBe('cloud://local.local-emulator/matters/水渠/照片.png')
    const got = await download(`${emulator.url}/storage/files/matters/水渠/照片.png`)
    expect(got.bytes.equals(PNG)).toBe(true)
  })

  it('refuses an unknown dev token (as /fn does) and answers CORS preflights', async () => {
    const answer = await upload(emulator, PNG, { headers: { 'x-fengsi-dev-token': 'nope' } })
    expect([answer.status, answer.body.code]).toEqual([401, 'DEV_TOKEN_INVALID'])
    const pre = await fetch(`${emulator.url}/storage/upload`, {
      method: 'OPTIONS',
      headers: { origin: emulator.url },
    })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe(emulator.url)
    expect(pre.headers.get('access-control-allow-headers')).toContain('x-fengsi-dev-token')
  })

  it('answers temp URLs for a browser at POST /storage/urls, in the SDK shape', async () => {
    const id = fileIdOf(await upload(emulator, GIF, { cloudPath: 'matters/urls/one.gif' }))
    const missing = 'cloud://local.local-emulator/matters/urls/none.gif'
    const res = await fetch(`${emulator.url}/storage/urls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileList: [id, missing] }),
    })
    const body = (await res.json()) as { fileList: Array<Record<string, unknown>> }
    expect(body.fileList).toEqual([
      {
        fileID: id,
        tempFileURL: `${emulator.url}/storage/files/matters/urls/one.gif`,
        code: 'SUCCESS',
        maxAge: 7200,
      },
      {
        fileID: missing,
        tempFileURL: '',
        code: 'STORAGE_FILE_NONEXIST',
        message: 'storage file not exist',
      },
    ])
  })

  it('answers a missing file with a JSON 404', async () => {
    const res = await fetch(`${emulator.url}/storage/files/nothing/here.png`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({
      code: 'STORAGE_FILE_NONEXIST',
      message: '找不到这张照片。',
    })
  })
})

describe('file storage through the real @cloudbase/node-sdk', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await start()
  })
  afterAll(() => emulator.close())

  it('getTempFileURL resolves every file with a URL of the download endpoint', async () => {
    const a = fileIdOf(await upload(emulator, PNG, { cloudPath: 'matters/sdk/a.png' }))
    const b = fileIdOf(await upload(emulator, JPEG, { cloudPath: 'matters/sdk/b.jpg' }))
    const app = sdkFor(emulator)
    const res = await app.getTempFileURL({ fileList: [a, { fileID: b, maxAge: 60 }] })
    expect(res.fileList).toEqual([
      {
        fileID: a,
        tempFileURL: `${emulator.url}/storage/files/matters/sdk/a.png`,
        code: 'SUCCESS',
        maxAge: 7200,
      },
      {
        fileID: b,
        tempFileURL: `${emulator.url}/storage/files/matters/sdk/b.jpg`,
        code: 'SUCCESS',
        maxAge: 60,
      },
    ])
    const got = await download(res.fileList[1].tempFileURL)
    expect([got.status, got.type, got.bytes.equals(JPEG)]).toEqual([200, 'image/jpeg', true])
  })

  it('getTempFileURL marks a missing file and another environment’s file, per file', async () => {
    const app = sdkFor(emulator)
    const missing = 'cloud://local.local-emulator/matters/sdk/none.png'
    const foreign = 'cloud://prod-1a2b.7072-prod-1a2b-1250000000/matters/sdk/a.png'
    const res = await app.getTempFileURL({ fileList: [missing, foreign] })
    expect(res.fileList.map((f) => [f.fileID, f.code, f.tempFileURL])).toEqual([
      [missing, 'STORAGE_FILE_NONEXIST', ''],
      [foreign, 'STORAGE_FILE_NONEXIST', ''],
    ])
  })

  it('downloadFile fetches the bytes through the temp URL', async () => {
    const id = fileIdOf(await upload(emulator, PNG, { cloudPath: 'matters/sdk/照片.png' }))
    const res = await sdkFor(emulator).downloadFile({ fileID: id })
    expect(Buffer.isBuffer(res.fileContent) && res.fileContent.equals(PNG)).toBe(true)
  })

  it('uploadFile (getUploadMetadata, then a PUT) stores an image and refuses a non-image', async () => {
    const app = sdkFor(emulator)
    const res = await app.uploadFile({ cloudPath: 'matters/sdk/up.webp', fileContent: WEBP })
    expect(res.fileID).toBe('cloud://local.local-emulator/matters/sdk/up.webp')
    const got = await download(`${emulator.url}/storage/files/matters/sdk/up.webp`)
    expect([got.type, got.bytes.equals(WEBP)]).toEqual(['image/webp', true])

    const err = await rejectionOf(
      app.uploadFile({ cloudPath: 'matters/sdk/bad.png', fileContent: Buffer.from('hello') }),
    )
    expect(err.code).toBe('STORAGE_REQUEST_FAIL')
    expect(err.message).toContain('STORAGE_NOT_IMAGE')
    const urls = await app.getTempFileURL({
      fileList: ['cloud://local.local-emulator/matters/sdk/bad.png'],
    })
    expect(urls.fileList[0].code).toBe('STORAGE_FILE_NONEXIST')
  })

  it('uploadFile refuses a path that climbs out, with the SDK’s error', async () => {
    const err = await rejectionOf(
      sdkFor(emulator).uploadFile({ cloudPath: '../x.png', fileContent: PNG }),
    )
    expect(err.code).toBe('STORAGE_INVALID_PATH')
  })

  it('deleteFile removes a file and reports one that is not there', async () => {
    const id = fileIdOf(await upload(emulator, PNG, { cloudPath: 'matters/sdk/gone.png' }))
    const app = sdkFor(emulator)
    const first = await app.deleteFile({ fileList: [id] })
    expect(first.fileList).toEqual([{ fileID: id, code: 'SUCCESS' }])
    expect((await download(`${emulator.url}/storage/files/matters/sdk/gone.png`)).status).toBe(404)
    const second = await app.deleteFile({ fileList: [id] })
    expect(second.fileList).toEqual([{ fileID: id, code: 'STORAGE_FILE_NONEXIST' }])
  })
})

describe('where the files are kept', () => {
  it('keeps files under <data>/files across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-storage-'))
    try {
      const first = await start({ memory: false, dataDir: dir })
      const id = fileIdOf(await upload(first, PNG, { cloudPath: 'matters/2025-06/kept.png' }))
      expect(first.filesDir).toBe(path.join(dir, 'files'))
      await first.close()
      expect(fs.readFileSync(path.join(dir, 'files', 'matters', '2025-06', 'kept.png'))).toEqual(
        PNG,
      )

      const second = await start({ memory: false, dataDir: dir })
      try {
        const res = await sdkFor(second).getTempFileURL({ fileList: [id] })
        expect(res.fileList[0].code).toBe('SUCCESS')
        const got = await download(res.fileList[0].tempFileURL)
        expect(got.bytes.equals(PNG)).toBe(true)
      } finally {
        await second.close()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps nothing on disk in memory mode, and forgets files when closed', async () => {
    const first = await start()
    expect(first.filesDir).toBeUndefined()
    const id = fileIdOf(await upload(first, PNG, { cloudPath: 'matters/mem/a.png' }))
    await first.close()
    const second = await start()
    try {
      const res = await sdkFor(second).getTempFileURL({ fileList: [id] })
      expect(res.fileList[0].code).toBe('STORAGE_FILE_NONEXIST')
    } finally {
      await second.close()
    }
  })

  it('honours a smaller maxUploadBytes', async () => {
    const small = await start({ maxUploadBytes: 1024 })
    try {
      const big = Buffer.alloc(1025)
      PNG.copy(big)
      const answer = await upload(small, big)
      expect([answer.status, answer.body.code]).toEqual([413, 'STORAGE_FILE_TOO_LARGE'])
      expect(answer.body.message).toBe('照片太大了，每张不能超过 1 KB。')
    } finally {
      await small.close()
    }
  })
})
