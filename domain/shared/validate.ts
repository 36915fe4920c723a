/**
 * Input checks shared by the mini-program's forms and the cloud functions: the same schema says
 * what is wrong, in plain Chinese, on both sides. Built on valibot (small and eval-free, so it runs
 * inside WeChat too).
 */
import * as v from 'valibot'
import { CURSOR_PATTERN } from './cursor'
import { DomainError } from './errors'
import { normalizeText, type TextOptions } from './text'

/** Length as a person counts it: one Chinese character, one emoji, one letter = 1. */
export function charCount(s: string): number {
  return Array.from(s).length
}

/** A required field that was left out: says which one, instead of failing on its type. */
function present(label: string) {
  return v.custom<unknown>((x) => x !== undefined && x !== null, `请填写${label}`)
}

/** Free text through the one normalisation (./text.ts): refused with its reason, or cleaned. */
function normalized(label: string, options: TextOptions) {
  return v.rawTransform<string, string>(({ dataset, addIssue, NEVER }) => {
    const result = normalizeText(dataset.value, label, options)
    if (result.ok) return result.text
    addIssue({ message: result.message })
    return NEVER
  })
}

/** Longest raw text looked at, in UTF-16 units: far beyond any field, short of a flood. */
function notFlooded(label: string, max: number) {
  return v.maxLength<string, number, string>(max * 8 + 1000, `${label}不能超过 ${max} 个字`)
}

/**
 * Required text, normalised (./text.ts), of at most `max` characters. One line unless
 * `multiline` (a title, a name, a reason; a body, a note, a statement).
 */
export function text(label: string, max: number, options: TextOptions = {}) {
  return v.pipe(
    present(label),
    v.string(`${label}应当是文字`),
    notFlooded(label, max),
    normalized(label, options),
    v.nonEmpty(`请填写${label}`),
    v.check((s) => charCount(s) <= max, `${label}不能超过 ${max} 个字`),
  )
}

/** Optional text: absent or empty is fine (stored as an empty string). */
export function optionalText(label: string, max: number, options: TextOptions = {}) {
  return v.optional(
    v.pipe(
      v.string(`${label}应当是文字`),
      notFlooded(label, max),
      normalized(label, options),
      v.check((s) => charCount(s) <= max, `${label}不能超过 ${max} 个字`),
    ),
    '',
  )
}

/** A document id: what CloudBase and the emulator generate, or a seed's readable id. */
export function id(label: string) {
  return v.pipe(
    present(label),
    v.string(`${label}不对`),
    v.regex(/^[A-Za-z0-9_-]{1,64}$/, `${label}不对`),
  )
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function localDate(label: string) {
  return v.pipe(
    present(label),
    v.string(`${label}应当是日期`),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应当是日期，例如 2026-11-24`),
    v.check((s) => {
      const d = new Date(`${s}T00:00:00Z`)
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
    }, `${label}不是一个真实的日期`),
  )
}

export const MAX_PHOTOS = 9

/**
 * Where the app puts an uploaded photo: `matters/<yyyy-mm>/<random>.<ext>`. File ids are shown to
 * everyone, so the path names no person (no OPENID, no member id).
 */
export const PHOTO_FOLDER = 'matters'

export function photoCloudPath(ext: string, now: Date, random: string): string {
  return `${PHOTO_FOLDER}/${now.toISOString().slice(0, 7)}/${random}.${ext}`
}

/**
 * A photo's cloud file id, `cloud://<envId>.<bucket>/matters/<yyyy-mm>/<random>.<ext>`: exactly
 * what an upload under PHOTO_FOLDER answers, nothing else (no `..`, no other folder, no query).
 */
const PHOTO_ID =
  /^cloud:\/\/([a-z0-9][a-z0-9-]{0,62})\.[a-z0-9][a-z0-9-]{0,126}\/matters\/\d{4}-(?:0[1-9]|1[0-2])\/[a-z0-9]{8,40}\.(?:jpg|jpeg|png|gif|webp)$/

/** The environment a photo id belongs to, or undefined when it is not a photo id of ours. */
export function photoEnvironment(fileId: string): string | undefined {
  return PHOTO_ID.exec(fileId)?.[1]
}

export const BAD_PHOTO = '照片不对，请重新上传'

/** Cloud file ids of uploaded photos, at most nine (the function also checks the environment). */
export const photos = v.optional(
  v.pipe(
    v.array(
      v.pipe(
        v.string('照片不对'),
        v.check((s) => photoEnvironment(s) !== undefined, BAD_PHOTO),
      ),
      '照片不对',
    ),
    v.maxLength(MAX_PHOTOS, `照片最多 ${MAX_PHOTOS} 张`),
  ),
  [],
)

/** How many items a list answers per page: 1–50, 20 when not given. */
export const pageSize = v.optional(
  v.pipe(
    v.number('每页条数不对'),
    v.integer('每页条数不对'),
    v.minValue(1, '每页条数不对'),
    v.maxValue(50, '每页最多 50 条'),
  ),
  20,
)

/** Where the next page of a list starts, as the previous page answered it (domain/shared/cursor). */
export function cursor(pattern: RegExp = CURSOR_PATTERN) {
  return v.optional(v.pipe(v.string('翻页位置不对'), v.regex(pattern, '翻页位置不对')))
}

export const flag = (label: string) => v.optional(v.boolean(`${label}应当是“是”或“否”`), false)

/**
 * A payload: a plain object whose unknown keys (an `openid`, say) are dropped, never trusted.
 * Missing keys are checked by their own field, so the message names the field left out.
 */
export function payload<E extends v.ObjectEntries>(entries: E) {
  const keys = Object.keys(entries)
  return v.pipe(
    v.custom<unknown>(
      (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
      '请求内容不对',
    ),
    v.transform((x) => {
      const filled: Record<string, unknown> = { ...(x as Record<string, unknown>) }
      for (const key of keys) if (!(key in filled)) filled[key] = undefined
      return filled
    }),
    v.object(entries, '请求内容不对'),
  )
}

/** Parses `input` or throws INVALID_INPUT with the first problem in plain words. */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input ?? {})
  if (result.success) return result.output
  throw new DomainError('INVALID_INPUT', result.issues[0]?.message ?? '填写的内容不对')
}

/** For forms: the first problem of each field, keyed by field name. */
export function fieldErrors(schema: v.GenericSchema, input: unknown): Record<string, string> {
  const result = v.safeParse(schema, input ?? {})
  if (result.success) return {}
  const errors: Record<string, string> = {}
  for (const issue of result.issues) {
    const key = v.getDotPath(issue) ?? ''
    if (!(key in errors)) errors[key] = issue.message
  }
  return errors
}
