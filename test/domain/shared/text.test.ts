/**
 * The one normalisation of free text (domain/shared/text.ts), case by case. Every expected
 * result is written out here by hand.
 */
import { MAX_COMBINING_MARKS, hasLoneSurrogate, normalizeText } from '../../../domain/shared/text'

const REFUSED = '标题里有无法显示的字符，请删掉后重新输入'
const ACUTE = '\u0301'

type Row = [name: string, raw: string, expected: string | typeof REFUSED]

const ONE_LINE: Row[] = [
  ['plain text stays', '村口路灯坏了', '村口路灯坏了'],
  ['ends trimmed, the ideographic space too', ' \u3000 路灯\t ', '路灯'],
  ['three zero-width spaces are nothing', '\u200b\u200b\u200b', ''],
  ['zero-width space inside a word', '路\u200b灯', '路灯'],
  [
    'zero-width non-joiner, joiner, word joiner, BOM',
    '\u200c路\u200d灯\u2060坏\ufeff了',
    '路灯坏了',
  ],
  ['left-to-right and right-to-left marks', '\u200e路灯\u200f', '路灯'],
  ['right-to-left override', '\u202e路灯坏了\u202c', '路灯坏了'],
  ['bidi embeddings and isolates', '\u202a路\u202b灯\u2066坏\u2067了\u2068\u2069', '路灯坏了'],
  ['Arabic letter mark', '路\u061c灯', '路灯'],
  ['soft hyphen', 'wa\u00adter', 'water'],
  ['Hangul fillers', '\u3164\u115f路灯\uffa0', '路灯'],
  ['tag characters (ASCII smuggling)', '路灯\u{e0049}\u{e0047}\u{e004e}', '路灯'],
  [
    'a subdivision flag keeps its tags',
    '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
    '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
  ],
  ['a family emoji keeps its joiners', '👨\u200d👩\u200d👧', '👨\u200d👩\u200d👧'],
  ['a joiner after a skin tone stays', '👍🏽\u200d🔥', '👍🏽\u200d🔥'],
  ['a joiner between Chinese characters goes', '傻\u200d逼', '傻逼'],
  ['NUL is refused', '路灯\u0000坏了', REFUSED],
  ['a lone NUL is refused', '\u0000', REFUSED],
  ['bell and escape are refused', '路灯\u0007\u001b[31m', REFUSED],
  ['DEL is refused', '路灯\u007f', REFUSED],
  ['C1 controls are refused', '路灯\u0090', REFUSED],
  ['noncharacters are refused', '路灯\uffff', REFUSED],
  ['noncharacters of other planes too', '路灯\u{1fffe}', REFUSED],
  ['a lone high surrogate is refused', '路灯\ud83d', REFUSED],
  ['a lone low surrogate is refused', '\ude00路灯', REFUSED],
  ['surrogates in the wrong order are refused', '\ude00\ud83d', REFUSED],
  ['a whole emoji is kept', '路灯😀', '路灯😀'],
  ['line breaks fold into one space', '路灯\r\n坏了\n\n了', '路灯 坏了 了'],
  ['Unicode line and paragraph separators too', '路灯\u2028坏了\u2029', '路灯 坏了'],
  ['NEL is a line break, not a refused control', '路灯\u0085坏了', '路灯 坏了'],
  ['tabs and runs of spaces fold', '路灯\t\t坏了   了', '路灯 坏了 了'],
  ['NFC: e + combining acute becomes é', `cafe${ACUTE}`, 'café'],
  ['NFC: Hangul jamo compose', '\u1100\u1161', '\uac00'],
  [
    `combining marks capped at ${MAX_COMBINING_MARKS}`,
    `路${'\u0336'.repeat(499)}灯`,
    `路${'\u0336'.repeat(MAX_COMBINING_MARKS)}灯`,
  ],
  [
    'a mark run split by a zero-width space is one run',
    `a${'\u0301'.repeat(3)}\u200b${'\u0302'.repeat(3)}`,
    `á${'\u0301'.repeat(2)}${'\u0302'.repeat(2)}`,
  ],
  ['fewer marks stay', `a\u0302\u0323`, 'ậ'],
]

describe('normalizeText, one-line field', () => {
  it.each(ONE_LINE)('%s', (_name, raw, expected) => {
    const result = normalizeText(raw, '标题')
    expect(result).toEqual(
      expected === REFUSED ? { ok: false, message: REFUSED } : { ok: true, text: expected },
    )
  })
})

describe('normalizeText, many-line field', () => {
  it.each([
    [
      'line breaks are kept, CR LF and CR become LF',
      '第一行\r\n第二行\r第三行',
      '第一行\n第二行\n第三行',
    ],
    ['at most one empty line in a row', '第一段\n\n\n\n\n第二段', '第一段\n\n第二段'],
    ['spaces before a line break go', '第一行   \n第二行', '第一行\n第二行'],
    ['a separator line is a line break', '第一行\u2028第二行', '第一行\n第二行'],
    ['only line breaks and invisibles is nothing', '\n\u200b\n\u202e\n', ''],
    ['NUL is refused here too', '第一行\n\u0000', REFUSED.replace('标题', '内容')],
  ])('%s', (_name, raw, expected) => {
    const result = normalizeText(raw, '内容', { multiline: true })
    expect(result).toEqual(
      expected.startsWith('内容里')
        ? { ok: false, message: expected }
        : { ok: true, text: expected },
    )
  })
})

describe('hasLoneSurrogate', () => {
  it.each([
    ['', false],
    ['😀', false],
    ['a😀b', false],
    ['\ud83d', true],
    ['\ude00', true],
    ['😀\ud83d', true],
    ['\ud83d\ud83d\ude00', true],
  ])('%j → %s', (s, expected) => {
    expect(hasLoneSurrogate(s)).toBe(expected)
  })
})
