/**
 * @jest-environment node
 */
// The H5 path of src/services/photos.ts against a real emulator started here: a chosen image (a
// blob: URL, as Taro's chooseImage gives in a browser) uploaded, resolved to a URL and read back.
// Node, not jsdom: the browser's fetch, Blob and blob: URLs are Node's own here.
import { startEmulator, type Emulator } from '../../../emulator/src/index'
import { MAX_PHOTO_BYTES, photoUrls, uploadPhoto } from '../../../src/services/photos'

jest.setTimeout(30_000)

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

const chosen = (bytes: Uint8Array<ArrayBuffer>, type: string): string =>
  URL.createObjectURL(new Blob([bytes], { type }))

let emulator: Emulator
const savedBase = process.env.TARO_APP_API_BASE

beforeAll(async () => {
  emulator = await startEmulator({ memory: true })
  process.env.TARO_APP_API_BASE = `${emulator.url}/`
})
afterAll(async () => {
  process.env.TARO_APP_API_BASE = savedBase
  await emulator.close()
})

describe('photos in H5, through the emulator', () => {
  it('uploads a chosen image under matters/<yyyy-mm>/ and shows it through its URL', async () => {
    const uploaded = await uploadPhoto(chosen(new Uint8Array(PNG), 'image/png'))
    if (!uploaded.ok) throw new Error(uploaded.error.message)
    const { fileID } = uploaded.data
    expect(fileID).toMatch(
      /^cloud:\/\/local\.local-emulator\/matters\/\d{4}-\d{2}\/[0-9a-z]+\.png$/,
    )

    const missing = 'cloud://local.local-emulator/matters/2020-01/gone.png'
    const urls = await photoUrls([fileID, missing])
    if (!urls.ok) throw new Error(urls.error.message)
    expect(Object.keys(urls.data)).toEqual([fileID])
    const res = await fetch(urls.data[fileID])
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true)
  })

  it('names an image of unknown type after its format, in the photo folder', async () => {
    const uploaded = await uploadPhoto(chosen(new Uint8Array(PNG), ''))
    expect(uploaded.ok && uploaded.data.fileID).toMatch(
      /^cloud:\/\/local\.local-emulator\/matters\/\d{4}-\d{2}\/[0-9a-z]{8,40}\.png$/,
    )
  })

  it('passes on the emulator’s plain-Chinese refusal of a file that is not an image', async () => {
    const text = new TextEncoder().encode('这不是照片')
    expect(await uploadPhoto(chosen(text, 'image/jpeg'))).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '只能上传照片（JPG、PNG、WebP 或 GIF 格式）。' },
    })
  })

  it('refuses a photo over 5 MB', async () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1)
    big.set(PNG)
    expect(await uploadPhoto(chosen(big, 'image/png'))).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '照片太大了，每张不能超过 5 MB。' },
    })
  })

  it('answers an unreadable local path and no ids without throwing', async () => {
    const gone = chosen(new Uint8Array(PNG), 'image/png')
    URL.revokeObjectURL(gone)
    const answer = await uploadPhoto(gone)
    expect(answer).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '这张照片读不出来，请重新选择。' },
    })
    expect(await photoUrls([])).toEqual({ ok: true, data: {} })
  })

  it('answers NETWORK when the back end cannot be reached', async () => {
    const stopped = await startEmulator({ memory: true })
    await stopped.close()
    process.env.TARO_APP_API_BASE = stopped.url
    try {
      const upload = await uploadPhoto(chosen(new Uint8Array(PNG), 'image/png'))
      expect(upload.ok || upload.error.code).toBe('NETWORK')
      const urls = await photoUrls(['cloud://local.local-emulator/a.png'])
      expect(urls.ok || urls.error.code).toBe('NETWORK')
    } finally {
      process.env.TARO_APP_API_BASE = `${emulator.url}/`
    }
  })
})
