/**
 * Photos: upload one chosen image and get displayable URLs for stored ones. WeChat: cloud storage
 * through `Taro.cloud`. Browser (H5): the local emulator's `POST /storage/upload` (the raw image as
 * the body) and `POST /storage/urls`. Every answer is an envelope; nothing here throws.
 */
import Taro from '@tarojs/taro'
import type { AppError, Envelope } from '../../types/api'
import type { PhotoUrls, UploadedPhoto } from '../../types/api/storage'
import { photoCloudPath } from '../../domain/shared/validate'
import { apiBase, BAD_ANSWER_ERROR, devHeaders, NETWORK_ERROR } from './cloud'

/** Largest photo accepted, in bytes (the emulator enforces the same 5 MB). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

export const PHOTO_TOO_LARGE: AppError = {
  code: 'INVALID_INPUT',
  message: '照片太大了，每张不能超过 5 MB。',
}

export const NOT_A_PHOTO: AppError = {
  code: 'INVALID_INPUT',
  message: '只能上传照片（JPG、PNG、WebP 或 GIF 格式）。',
}

export const PHOTO_UNREADABLE: AppError = {
  code: 'INVALID_INPUT',
  message: '这张照片读不出来，请重新选择。',
}

const SIGNED_OUT: AppError = { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录。' }

const EXTENSION_OF_TYPE: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
}
const EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp']

const extensionOf = (localPath: string): string | undefined => {
  const m = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(localPath)
  const ext = m?.[1].toLowerCase()
  return ext && EXTENSIONS.includes(ext) ? ext : undefined
}

/** `matters/<yyyy-mm>/<random>.<ext>`: a fresh name for every upload. */
function cloudPathFor(ext: string): string {
  const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
  return photoCloudPath(ext, new Date(), random)
}

const fail = (error: AppError): Envelope<never> => ({ ok: false, error })

/** The extension of an image's format read from its first bytes (JPEG, PNG, GIF, WebP). */
async function sniffed(image: Blob): Promise<string | undefined> {
  const b = new Uint8Array(await image.slice(0, 12).arrayBuffer())
  const ascii = (from: number, to: number) => String.fromCharCode(...b.slice(from, to))
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg'
  if (b[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png'
  if (ascii(0, 4) === 'GIF8') return 'gif'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp'
  return undefined
}

async function uploadInWeChat(localPath: string): Promise<Envelope<UploadedPhoto>> {
  const ext = extensionOf(localPath)
  if (!ext) return fail(NOT_A_PHOTO)
  const size = await Taro.getFileInfo({ filePath: localPath }).then(
    (info) => ('size' in info ? info.size : undefined),
    () => undefined,
  )
  if (size !== undefined && size > MAX_PHOTO_BYTES) return fail(PHOTO_TOO_LARGE)
  const { fileID } = await Taro.cloud.uploadFile({
    cloudPath: cloudPathFor(ext),
    filePath: localPath,
  })
  return typeof fileID === 'string' && fileID !== ''
    ? { ok: true, data: { fileID } }
    : fail(BAD_ANSWER_ERROR)
}

/** The emulator's refusal, as the app's error. */
function refusal(status: number, body: unknown): AppError {
  const { code, message } = (typeof body === 'object' && body !== null ? body : {}) as {
    code?: unknown
    message?: unknown
  }
  if (status === 401 || code === 'DEV_TOKEN_INVALID') return SIGNED_OUT
  if (typeof code === 'string' && code.startsWith('STORAGE_') && typeof message === 'string') {
    return { code: 'INVALID_INPUT', message }
  }
  return BAD_ANSWER_ERROR
}

async function uploadOverHttp(localPath: string): Promise<Envelope<UploadedPhoto>> {
  // In H5 a chosen image's path is a blob: URL (or any URL the browser can read).
  let image: Blob
  try {
    image = await (await fetch(localPath)).blob()
  } catch {
    return fail(PHOTO_UNREADABLE)
  }
  if (image.size > MAX_PHOTO_BYTES) return fail(PHOTO_TOO_LARGE)
  // Only files under the app's photo folder are accepted with a matter: name it here, after the
  // image's own bytes when neither its type nor its path tells the format.
  const ext = EXTENSION_OF_TYPE[image.type] ?? extensionOf(localPath) ?? (await sniffed(image))
  if (!ext) return fail(NOT_A_PHOTO)
  const query = `?cloudPath=${encodeURIComponent(cloudPathFor(ext))}`
  const response = await fetch(`${apiBase()}/storage/upload${query}`, {
    method: 'POST',
    headers: { 'content-type': image.type || 'application/octet-stream', ...devHeaders() },
    body: image,
  })
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) return fail(refusal(response.status, body))
  const fileID = (body as { fileID?: unknown } | undefined)?.fileID
  return typeof fileID === 'string' && fileID !== ''
    ? { ok: true, data: { fileID } }
    : fail(BAD_ANSWER_ERROR)
}

/** Uploads one chosen image (a path from `Taro.chooseImage`/`chooseMedia`); answers its file id. */
export async function uploadPhoto(localPath: string): Promise<Envelope<UploadedPhoto>> {
  try {
    return process.env.TARO_ENV === 'weapp'
      ? await uploadInWeChat(localPath)
      : await uploadOverHttp(localPath)
  } catch {
    return fail(NETWORK_ERROR)
  }
}

async function urlsOverHttp(fileIDs: readonly string[]): Promise<Envelope<PhotoUrls>> {
  const response = await fetch(`${apiBase()}/storage/urls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fileList: fileIDs }),
  })
  const body = (await response.json().catch(() => undefined)) as
    { fileList?: Array<{ fileID?: unknown; tempFileURL?: unknown; code?: unknown }> } | undefined
  if (!response.ok || !Array.isArray(body?.fileList)) return fail(BAD_ANSWER_ERROR)
  const urls: PhotoUrls = {}
  for (const f of body.fileList) {
    if (f.code === 'SUCCESS' && typeof f.fileID === 'string' && typeof f.tempFileURL === 'string') {
      urls[f.fileID] = f.tempFileURL
    }
  }
  return { ok: true, data: urls }
}

/**
 * URLs to show stored photos with. In WeChat the `Image` component and `previewImage` take a cloud
 * file id as they are, so each id is its own URL and no request is made; in H5 the emulator hands
 * out URLs of its download endpoint (a missing file is left out).
 */
export async function photoUrls(fileIDs: readonly string[]): Promise<Envelope<PhotoUrls>> {
  if (fileIDs.length === 0) return { ok: true, data: {} }
  if (process.env.TARO_ENV === 'weapp') {
    return { ok: true, data: Object.fromEntries(fileIDs.map((id) => [id, id])) }
  }
  try {
    return await urlsOverHttp(fileIDs)
  } catch {
    return fail(NETWORK_ERROR)
  }
}
