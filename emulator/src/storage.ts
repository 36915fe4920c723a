// File storage: what CloudBase's storage does for a mini-program's photos, kept on this machine.
// Files live under `<data>/files/<cloudPath>` (in memory with `--memory`). The SDK's storage
// actions (`storage.getUploadMetadata` + a PUT, `storage.batchGetDownloadUrl`,
// `storage.batchDeleteFile`) arrive at `/admin` like every other call; the H5 client uploads with
// `POST /storage/upload` and reads files from `GET /storage/files/<cloudPath>`.
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

/** Largest file accepted, in bytes: 5 MB per photo. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

/** How long a temp URL claims to be valid when the caller asks for none (seconds; not enforced). */
export const DEFAULT_URL_MAX_AGE = 7200

export type StorageErrorCode =
  | 'STORAGE_EMPTY_FILE'
  | 'STORAGE_NOT_IMAGE'
  | 'STORAGE_FILE_TOO_LARGE'
  | 'STORAGE_FILE_NONEXIST'
  | 'STORAGE_INVALID_PATH'
  | 'STORAGE_FILE_EXISTS'

const STATUS: Record<StorageErrorCode, number> = {
  STORAGE_EMPTY_FILE: 400,
  STORAGE_NOT_IMAGE: 415,
  STORAGE_FILE_TOO_LARGE: 413,
  STORAGE_FILE_NONEXIST: 404,
  STORAGE_INVALID_PATH: 400,
  STORAGE_FILE_EXISTS: 409,
}

/** A refusal with a stable code and a plain Chinese message for the person who chose the file. */
export class StorageError extends Error {
  readonly code: StorageErrorCode
  readonly status: number

  constructor(code: StorageErrorCode, message: string) {
    super(message)
    this.code = code
    this.status = STATUS[code]
    this.name = 'StorageError'
  }
}

const sizeText = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`

export const tooLarge = (maxBytes: number): StorageError =>
  new StorageError('STORAGE_FILE_TOO_LARGE', `照片太大了，每张不能超过 ${sizeText(maxBytes)}。`)

const notFound = (): StorageError => new StorageError('STORAGE_FILE_NONEXIST', '找不到这张照片。')

export type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp'

export const IMAGE_CONTENT_TYPES: Record<ImageKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
}

const EXTENSIONS: Record<ImageKind, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp' }

const startsWith = (bytes: Uint8Array, at: number, sig: readonly number[] | string): boolean => {
  const codes = typeof sig === 'string' ? [...sig].map((c) => c.charCodeAt(0)) : sig
  if (bytes.length < at + codes.length) return false
  return codes.every((c, i) => bytes[at + i] === c)
}

/** The image format from the file's first bytes (its magic number), whatever its name or type. */
export const sniffImage = (bytes: Uint8Array): ImageKind | undefined => {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return 'gif'
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP')) return 'webp'
  return undefined
}

// COS keys: letters (Chinese included), digits and `! - _ . * ( )`, with `/` between folders.
const SEGMENT = /^[\p{L}\p{N}!\-_.*()]+$/u
const MAX_PATH_CHARS = 200

/** A cloud path made safe to use as a file name: no `..`, no empty folder, no odd characters. */
export const normalizeCloudPath = (raw: unknown): string => {
  const bad = (): StorageError =>
    new StorageError('STORAGE_INVALID_PATH', '文件路径不对，只能用字母、数字、中文和 -_.!*()。')
  if (typeof raw !== 'string') throw bad()
  const p = raw.replace(/^\/+/, '')
  if (p === '' || p.length > MAX_PATH_CHARS) throw bad()
  const segments = p.split('/')
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..' || !SEGMENT.test(s)) throw bad()
  }
  return segments.join('/')
}

/** Where the bytes go: a folder on disk, or a map in memory. */
interface Blobs {
  read(key: string): Buffer | undefined
  write(key: string, bytes: Buffer): void
  remove(key: string): boolean
}

class MemoryBlobs implements Blobs {
  private readonly files = new Map<string, Buffer>()
  read(key: string): Buffer | undefined {
    return this.files.get(key)
  }
  write(key: string, bytes: Buffer): void {
    this.files.set(key, Buffer.from(bytes))
  }
  remove(key: string): boolean {
    return this.files.delete(key)
  }
}

class DiskBlobs implements Blobs {
  constructor(private readonly root: string) {}

  private fileOf(key: string): string {
    const file = path.resolve(this.root, ...key.split('/'))
    if (!file.startsWith(this.root + path.sep)) throw notFound()
    return file
  }

  read(key: string): Buffer | undefined {
    const file = this.fileOf(key)
    try {
      return fs.statSync(file).isFile() ? fs.readFileSync(file) : undefined
    } catch {
      return undefined
    }
  }

  write(key: string, bytes: Buffer): void {
    const file = this.fileOf(key)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    // Write beside, then rename: a reader (or a crash) never sees half a photo.
    const temp = `${file}.${randomBytes(6).toString('hex')}.uploading`
    fs.writeFileSync(temp, bytes)
    fs.renameSync(temp, file)
  }

  remove(key: string): boolean {
    try {
      fs.unlinkSync(this.fileOf(key))
      return true
    } catch {
      return false
    }
  }
}

export interface FileStorageOptions {
  /** Folder of the files; undefined keeps them in memory. */
  readonly dir: string | undefined
  /** Environment id, the first part of every fileID. */
  readonly envId: string
  /** Largest accepted file in bytes (default MAX_UPLOAD_BYTES). */
  readonly maxBytes?: number
}

export interface StoredFile {
  readonly fileID: string
  readonly cloudPath: string
  readonly size: number
  readonly contentType: string
}

/** One entry of `download_list`, exactly what `app.getTempFileURL()` resolves with per file. */
export interface DownloadUrl {
  readonly fileID: string
  readonly tempFileURL: string
  readonly code: string
  readonly message?: string
  readonly maxAge?: number
}

export class FileStorage {
  readonly envId: string
  readonly bucket: string
  readonly maxBytes: number
  readonly dir: string | undefined
  private readonly blobs: Blobs

  constructor(options: FileStorageOptions) {
    this.envId = options.envId
    this.bucket = `${options.envId}-emulator`
    this.maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES
    this.dir = options.dir === undefined ? undefined : path.resolve(options.dir)
    this.blobs = this.dir === undefined ? new MemoryBlobs() : new DiskBlobs(this.dir)
  }

  /** `cloud://<envId>.<bucket>/<path>`, the shape CloudBase gives. */
  fileIdOf(cloudPath: string): string {
    return `cloud://${this.envId}.${this.bucket}/${cloudPath}`
  }

  /** The cloud path inside this environment's bucket, or undefined for anyone else's id. */
  pathOf(fileID: unknown): string | undefined {
    if (typeof fileID !== 'string') return undefined
    const prefix = `cloud://${this.envId}.${this.bucket}/`
    if (!fileID.startsWith(prefix)) return undefined
    try {
      return normalizeCloudPath(fileID.slice(prefix.length))
    } catch {
      return undefined
    }
  }

  /** Checks the bytes are one image within the size limit; answers its format. */
  check(bytes: Buffer): ImageKind {
    if (bytes.length === 0) {
      throw new StorageError('STORAGE_EMPTY_FILE', '没有收到照片，请重新选择。')
    }
    if (bytes.length > this.maxBytes) throw tooLarge(this.maxBytes)
    const kind = sniffImage(bytes)
    if (!kind) {
      throw new StorageError('STORAGE_NOT_IMAGE', '只能上传照片（JPG、PNG、WebP 或 GIF 格式）。')
    }
    return kind
  }

  /**
   * Stores an image at `cloudPath`, or under a fresh name. With `overwrite: false` (a browser's
   * upload) a file already at `cloudPath` is never replaced: STORAGE_FILE_EXISTS. The SDK's
   * `uploadFile` (an administrator) replaces it, as COS does.
   */
  put(bytes: Buffer, cloudPath?: string, options: { overwrite?: boolean } = {}): StoredFile {
    const kind = this.check(bytes)
    const p =
      cloudPath === undefined
        ? `uploads/${new Date().toISOString().slice(0, 7)}/${randomBytes(12).toString('hex')}.${EXTENSIONS[kind]}`
        : normalizeCloudPath(cloudPath)
    if (options.overwrite === false && this.blobs.read(p) !== undefined) {
      throw new StorageError('STORAGE_FILE_EXISTS', '这个位置已经有一张照片了，请换个名字再上传。')
    }
    this.blobs.write(p, bytes)
    return {
      fileID: this.fileIdOf(p),
      cloudPath: p,
      size: bytes.length,
      contentType: IMAGE_CONTENT_TYPES[kind],
    }
  }

  /** The bytes at a cloud path and their content type (from the bytes, not the name). */
  get(cloudPath: string): { bytes: Buffer; contentType: string } {
    let p: string
    try {
      p = normalizeCloudPath(cloudPath)
    } catch {
      throw notFound()
    }
    const bytes = this.blobs.read(p)
    if (!bytes) throw notFound()
    const kind = sniffImage(bytes)
    return { bytes, contentType: kind ? IMAGE_CONTENT_TYPES[kind] : 'application/octet-stream' }
  }

  /** A URL of the download endpoint under `baseUrl` (the SDK encodes it with encodeURI itself). */
  urlOf(baseUrl: string, cloudPath: string): string {
    return `${baseUrl}/storage/files/${cloudPath}`
  }

  /** What `storage.batchGetDownloadUrl` answers for each requested file. */
  downloadUrls(baseUrl: string, list: readonly unknown[]): DownloadUrl[] {
    return list.map((item) => {
      const entry = (typeof item === 'object' && item !== null ? item : { fileid: item }) as {
        fileid?: unknown
        fileID?: unknown
        max_age?: unknown
      }
      const fileID = entry.fileid ?? entry.fileID
      const id = typeof fileID === 'string' ? fileID : ''
      const p = this.pathOf(id)
      if (p === undefined || this.blobs.read(p) === undefined) {
        return {
          fileID: id,
          tempFileURL: '',
          code: 'STORAGE_FILE_NONEXIST',
          message: 'storage file not exist',
        }
      }
      const maxAge = typeof entry.max_age === 'number' ? entry.max_age : DEFAULT_URL_MAX_AGE
      return { fileID: id, tempFileURL: this.urlOf(baseUrl, p), code: 'SUCCESS', maxAge }
    })
  }

  /** What `storage.batchDeleteFile` answers for each file. */
  deleteFiles(list: readonly unknown[]): Array<{ fileID: string; code: string }> {
    return list.map((fileID) => {
      const id = typeof fileID === 'string' ? fileID : ''
      const p = this.pathOf(id)
      const removed = p !== undefined && this.blobs.remove(p)
      return { fileID: id, code: removed ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' }
    })
  }

  /**
   * The SDK's storage actions at `/admin` (`name` without the `storage.` prefix). `baseUrl` is
   * where this emulator is reached, for the URLs it hands out.
   */
  handle(
    name: string,
    body: Record<string, unknown>,
    baseUrl: string,
  ): Record<string, unknown> | undefined {
    switch (name) {
      case 'batchGetDownloadUrl': {
        const list = Array.isArray(body.file_list) ? body.file_list : []
        return { data: { download_list: this.downloadUrls(baseUrl, list) } }
      }
      case 'batchDeleteFile': {
        const list = Array.isArray(body.fileid_list) ? body.fileid_list : []
        return { data: { delete_list: this.deleteFiles(list) } }
      }
      case 'getUploadMetadata': {
        const p = normalizeCloudPath(body.path)
        return {
          data: {
            url: `${baseUrl}/storage/cos/${p}`,
            token: 'emulator',
            authorization: 'emulator',
            fileId: this.fileIdOf(p),
            cosFileId: 'emulator',
          },
        }
      }
      default:
        return undefined
    }
  }
}

/** The XML error body COS answers a failed PUT with (the SDK parses it with xml2js). */
export const cosErrorXml = (code: string, message: string, requestId: string): string =>
  `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message
    .replace(/&/g, '&amp;')
    .replace(
      /</g,
      '&lt;',
    )}</Message><Resource></Resource><RequestId>${requestId}</RequestId><TraceId>${requestId}</TraceId></Error>`
