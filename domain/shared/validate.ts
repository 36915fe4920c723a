/**
 * Input checks shared by the mini-program's forms and the cloud functions: the same schema says
 * what is wrong, in plain Chinese, on both sides. Built on valibot (small and eval-free, so it runs
 * inside WeChat too).
 */
import * as v from 'valibot'
import { CURSOR_PATTERN } from './cursor'
import { DomainError } from './errors'

/** Length as a person counts it: one Chinese character, one emoji, one letter = 1. */
export function charCount(s: string): number {
  return Array.from(s).length
}

/** A required field that was left out: says which one, instead of failing on its type. */
function present(label: string) {
  return v.custom<unknown>((x) => x !== undefined && x !== null, `请填写${label}`)
}

/** Required text, trimmed, of at most `max` characters. */
export function text(label: string, max: number) {
  return v.pipe(
    present(label),
    v.string(`${label}应当是文字`),
    v.trim(),
    v.nonEmpty(`请填写${label}`),
    v.check((s) => charCount(s) <= max, `${label}不能超过 ${max} 个字`),
  )
}

/** Optional text: absent or empty is fine (stored as an empty string). */
export function optionalText(label: string, max: number) {
  return v.optional(
    v.pipe(
      v.string(`${label}应当是文字`),
      v.trim(),
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

/** Cloud file ids of uploaded photos, at most nine. */
export const photos = v.optional(
  v.pipe(
    v.array(
      v.pipe(
        v.string('照片不对'),
        v.regex(/^(cloud|local):\/\/[^\s]{1,300}$/, '照片不对，请重新上传'),
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
