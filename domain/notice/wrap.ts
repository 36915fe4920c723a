/**
 * Text broken into lines by measured width, so the canvas and the tests break alike: the measure
 * comes from the caller (the canvas's `measureText`, or a test's). Chinese breaks between any two
 * characters; a run of Latin letters, digits and ASCII signs (`2026`, `SHA-256`) stays whole when
 * it fits; closing punctuation (，。）…) never starts a line, opening ones never end one.
 */

export type FontFamily = 'sans' | 'mono'

export interface TextStyle {
  /** Pixels. */
  size: number
  weight: 'normal' | 'bold'
  family: FontFamily
}

/** The width in pixels of `text` drawn in `style`. */
export type Measure = (text: string, style: TextStyle) => number

const NO_START = '，。、；：！？）》」』】”’%,.;:!?)'
const NO_END = '（《「『【“‘('

function tokens(text: string): string[] {
  const raw = text.match(/[\x21-\x7e]+|\s+|[^\s\x21-\x7e]/gu) ?? []
  const out: string[] = []
  let carry = ''
  for (const t of raw) {
    if (out.length > 0 && !carry && NO_START.includes(t[0] as string)) {
      out[out.length - 1] += t
    } else if (t.length === 1 && NO_END.includes(t)) {
      carry += t
    } else {
      out.push(carry + t)
      carry = ''
    }
  }
  if (carry) out.push(carry)
  return out
}

/** Lines of `text` no wider than `maxWidth` (a single character wider than that gets a line). */
export function wrapText(
  text: string,
  style: TextStyle,
  maxWidth: number,
  measure: Measure,
): string[] {
  const lines: string[] = []
  let line = ''
  const fits = (s: string) => measure(s, style) <= maxWidth
  const push = () => {
    const trimmed = line.replace(/\s+$/u, '')
    if (trimmed) lines.push(trimmed)
    line = ''
  }
  for (const token of tokens(text)) {
    if (fits(line + token)) {
      line += token
      continue
    }
    if (/^\s+$/u.test(token)) {
      push()
      continue
    }
    if (line) push()
    if (fits(token)) {
      line = token
      continue
    }
    // Longer than a line on its own: broken between characters.
    for (const ch of Array.from(token)) {
      if (line && !fits(line + ch)) push()
      line += ch
    }
  }
  push()
  return lines
}
