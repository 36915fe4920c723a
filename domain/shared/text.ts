/**
 * Free text as people mean it: the one normalisation every free-text field goes through before
 * its emptiness and length are checked (see `text` and `optionalText` in ./validate.ts), on the
 * phone and in the functions alike.
 *
 * - Refused: lone surrogates (half of an emoji, never typed), control characters other than tab
 *   and line breaks (NUL and the like), and noncharacters. A person never types them; a broken or
 *   hostile client sends them, and storing them as sent would break every screen that shows them.
 * - Removed: characters that draw nothing or reorder what is drawn: zero-width spaces and joiners,
 *   left-to-right and right-to-left marks, embeddings, overrides and isolates, the byte-order mark,
 *   soft hyphens, invisible operators, Hangul fillers and tag characters. Kept where they are part
 *   of an emoji: a zero-width joiner between two emoji (👨‍👩‍👧), tags after 🏴 (a subdivision flag).
 * - Line breaks become `\n` (CR LF, CR, U+2028/2029, NEL); a one-line field folds them (and tabs)
 *   into single spaces; a many-line field keeps at most one empty line in a row.
 * - NFC (a letter and its accent typed apart become the one precomposed letter), then runs of
 *   combining marks on one letter are cut to MAX_COMBINING_MARKS ("Zalgo" text).
 * - Trimmed at both ends (any Unicode space, the ideographic one included).
 */

export const MAX_COMBINING_MARKS = 4

export type NormalizedText = { ok: true; text: string } | { ok: false; message: string }

export interface TextOptions {
  /** Line breaks are kept (a body, a note); otherwise they become spaces (a title, a name). */
  multiline?: boolean
}

export const UNREADABLE_CHARACTERS = '里有无法显示的字符，请删掉后重新输入'

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}

/** Whether `s` holds half of a surrogate pair on its own (no lookbehind: old WeChat engines lack it). */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const unit = s.charCodeAt(i)
    if (isHighSurrogate(unit)) {
      if (i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) i += 1
      else return true
    } else if (isLowSurrogate(unit)) {
      return true
    }
  }
  return false
}

const LINE_BREAKS = new Set([0x0a, 0x0d, 0x85, 0x2028, 0x2029])

/** C0 and C1 controls and DEL, except tab and line breaks; noncharacters. */
function isRefused(cp: number): boolean {
  if (cp === 0x09 || LINE_BREAKS.has(cp)) return false
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return true
  if (cp >= 0xfdd0 && cp <= 0xfdef) return true
  return (cp & 0xfffe) === 0xfffe
}

/** Characters that draw nothing or reorder the text around them (Unicode "format" and fillers). */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c || // Arabic letter mark
    cp === 0x115f ||
    cp === 0x1160 || // Hangul choseong / jungseong fillers
    cp === 0x17b4 ||
    cp === 0x17b5 || // Khmer inherent vowels
    cp === 0x180e || // Mongolian vowel separator
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, ZWNJ, ZWJ, LRM, RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides
    (cp >= 0x2060 && cp <= 0x2064) || // word joiner, invisible operators
    (cp >= 0x2066 && cp <= 0x206f) || // bidi isolates, deprecated format characters
    cp === 0x3164 || // Hangul filler
    cp === 0xfeff || // byte-order mark (zero-width no-break space)
    cp === 0xffa0 || // half-width Hangul filler
    (cp >= 0xfff9 && cp <= 0xfffb) || // interlinear annotation
    (cp >= 0x1d173 && cp <= 0x1d17a) || // musical format characters
    (cp >= 0xe0000 && cp <= 0xe007f) // tags
  )
}

/** Emoji a zero-width joiner may join (a rough test by block, enough for ZWJ sequences). */
function isEmoji(cp: number): boolean {
  return (
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    (cp >= 0x2300 && cp <= 0x23ff) ||
    (cp >= 0x2b00 && cp <= 0x2bff)
  )
}

/** Variation selector 16 and skin tones, which sit between an emoji and a joiner. */
function isEmojiModifier(cp: number): boolean {
  return cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff)
}

const WAVING_BLACK_FLAG = 0x1f3f4
const CANCEL_TAG = 0xe007f

/** Drops invisible characters (but not those inside an emoji) and unifies line breaks. */
function dropInvisible(cps: number[]): number[] {
  const out: number[] = []
  let inFlagTags = false
  for (let i = 0; i < cps.length; i += 1) {
    const cp = cps[i] as number
    if (cp === 0x0d) {
      out.push(0x0a)
      if (cps[i + 1] === 0x0a) i += 1
      continue
    }
    if (LINE_BREAKS.has(cp)) {
      out.push(0x0a)
      continue
    }
    if (cp >= 0xe0020 && cp <= CANCEL_TAG) {
      const starts = out[out.length - 1] === WAVING_BLACK_FLAG
      if (starts || inFlagTags) {
        out.push(cp)
        inFlagTags = cp !== CANCEL_TAG
        continue
      }
    }
    inFlagTags = false
    if (cp === 0x200d) {
      let before = out.length - 1
      while (before >= 0 && isEmojiModifier(out[before] as number)) before -= 1
      const next = cps[i + 1]
      if (before >= 0 && isEmoji(out[before] as number) && next !== undefined && isEmoji(next)) {
        out.push(cp)
        continue
      }
    }
    if (!isInvisible(cp)) out.push(cp)
  }
  // A flag's tags that never reached their cancel tag were not a flag: drop them.
  return inFlagTags ? out.filter((cp) => cp < 0xe0000 || cp > CANCEL_TAG) : out
}

const COMBINING_MARK = /\p{M}/u

/** Cuts every run of combining marks to `max`. */
function capCombiningMarks(s: string, max: number): string {
  let out = ''
  let run = 0
  for (const ch of s) {
    if (COMBINING_MARK.test(ch)) {
      run += 1
      if (run > max) continue
    } else {
      run = 0
    }
    out += ch
  }
  return out
}

/**
 * `raw` as it should be stored, or the reason it cannot be (`label` names the field). The result
 * may be empty: the caller decides whether an empty field is allowed.
 */
export function normalizeText(
  raw: string,
  label: string,
  options: TextOptions = {},
): NormalizedText {
  if (hasLoneSurrogate(raw)) return { ok: false, message: `${label}${UNREADABLE_CHARACTERS}` }
  const cps = Array.from(raw, (ch) => ch.codePointAt(0) as number)
  if (cps.some(isRefused)) return { ok: false, message: `${label}${UNREADABLE_CHARACTERS}` }
  const visible = dropInvisible(cps)
    .map((cp) => String.fromCodePoint(cp))
    .join('')
  let text = capCombiningMarks(visible.normalize('NFC'), MAX_COMBINING_MARKS)
  text = options.multiline
    ? text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n')
    : text.replace(/[ \t\n]+/g, ' ')
  return { ok: true, text: text.trim() }
}
