/**
 * `fetch` is the boundary: it answers as the emulator's `/fn/<name>` and `/storage/urls` would.
 * Each test hands out answers per `<function>.<action>`; every call is recorded, in order.
 */
export type Call = { fn: string; action: string; payload: unknown }

export interface FakeBackend {
  calls: Call[]
  /** Answers for `fn.action`: a value (every call) or a list (one per call, the last repeats). */
  answers: Record<string, unknown>
  /** Photo URLs: held back until `releasePhotos()` when `holdPhotos` is set. */
  holdPhotos: boolean
  releasePhotos: () => void
  photoRequests: string[][]
}

export const NETWORK_DOWN = Symbol('network down')

export function fakeBackend(): FakeBackend {
  const backend: FakeBackend = {
    calls: [],
    answers: {},
    holdPhotos: false,
    releasePhotos: () => undefined,
    photoRequests: [],
  }
  const served = new Map<string, number>()
  const held: Array<() => void> = []
  backend.releasePhotos = () => held.splice(0).forEach((release) => release())
  const json = (body: unknown) => ({ ok: true, status: 200, json: async () => body }) as Response

  global.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const path = String(url)
    const body = JSON.parse(String(init?.body ?? '{}'))
    if (path === '/storage/urls') {
      const ids = body.fileList as string[]
      backend.photoRequests.push(ids)
      const answer = {
        fileList: ids.map((id) => ({ fileID: id, tempFileURL: `/files/${id}`, code: 'SUCCESS' })),
      }
      if (!backend.holdPhotos) return json(answer)
      return new Promise<Response>((resolve) => held.push(() => resolve(json(answer))))
    }
    const fn = path.replace(/^\/fn\//, '')
    const key = `${fn}.${body.action}`
    backend.calls.push({ fn, action: body.action, payload: body.payload })
    const planned = backend.answers[key]
    const n = served.get(key) ?? 0
    served.set(key, n + 1)
    const answer = Array.isArray(planned) ? planned[Math.min(n, planned.length - 1)] : planned
    if (answer === NETWORK_DOWN) throw new TypeError('Failed to fetch')
    if (answer === undefined) throw new Error(`no answer planned for ${key}`)
    return json(answer)
  }) as typeof fetch
  return backend
}

export const ok = <T>(data: T) => ({ ok: true, data })
export const refused = (code: string, message: string) => ({ ok: false, error: { code, message } })
