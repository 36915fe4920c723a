/**
 * The local content check's word lists, for development and the emulator. Production asks
 * WeChat's content security service instead (see cloudfunctions/_shared/contentCheck.ts); these
 * lists are not meant to be complete.
 *
 * Chinese has no spaces between words, so a listed word is looked for as a run of characters; a
 * run that is only part of an innocent word around it does not count (INNOCENT_WORDS: 我妈妈的房子
 * holds 妈的 inside 妈妈的, 过去死了 holds 去死 across 过去).
 */
export type LocalVerdict = 'pass' | 'review' | 'reject'

/** Abusive words: text holding one is refused. */
export const ABUSIVE_WORDS: readonly string[] = [
  '傻逼',
  '煞笔',
  '他妈的',
  '妈的',
  '操你',
  '草泥马',
  '王八蛋',
  '狗日的',
  '贱人',
  '去死',
  '滚蛋',
  '混蛋',
  '废物东西',
  '畜生',
]

/**
 * Words a moderator should read before everyone does: accusations of vote buying or gambling,
 * which may be true and may be slander. Text holding one is stored hidden, pending review.
 */
export const REVIEW_WORDS: readonly string[] = ['贿选', '买票', '拉票', '赌博']

/**
 * Common innocent words that hold part of a listed word, or run into one across a word boundary.
 * A listed word found only where it overlaps one of these (and reaches outside it) is excused.
 */
export const INNOCENT_WORDS: readonly string[] = [
  // 妈的
  '妈妈的',
  '姑妈的',
  '姨妈的',
  '舅妈的',
  '大妈的',
  '老妈的',
  // 去死
  '过去',
  '回去',
  '进去',
  '出去',
  '上去',
  '下去',
  '失去',
  // 畜生
  '家畜',
  '牲畜',
  // 混蛋
  '蛋液',
]

/**
 * The text as the check reads it: full-width letters folded (NFKC), lower case, and what draws
 * nothing or sits between characters dropped (spaces, punctuation, symbols, zero-width and other
 * format characters, controls, combining marks), so "傻 逼", "傻.逼" and "傻\u200b逼" read 傻逼.
 */
export function normalizeForCheck(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Cf}\p{Cc}\p{M}]+/gu, '')
}

/** Where `word` occurs in `text` (start indexes, overlapping occurrences included). */
function occurrences(text: string, word: string): number[] {
  const found: number[] = []
  if (word === '') return found
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) found.push(at)
  return found
}

/** The listed words `text` contains as words (empty when it is clean). */
export function listedWordsIn(
  text: string,
  words: readonly string[] = ABUSIVE_WORDS,
  innocent: readonly string[] = INNOCENT_WORDS,
): string[] {
  const normalized = normalizeForCheck(text)
  const excuses = innocent.flatMap((w) => {
    const word = normalizeForCheck(w)
    return occurrences(normalized, word).map((start) => ({ start, end: start + word.length }))
  })
  return words.filter((w) => {
    const word = normalizeForCheck(w)
    return occurrences(normalized, word).some((start) => {
      const end = start + word.length
      // Excused when an innocent word overlaps it and reaches outside it.
      const excused = excuses.some(
        (e) => e.start < end && e.end > start && (e.start < start || e.end > end),
      )
      return !excused
    })
  })
}

/** The local check's verdict: abusive words refuse, review words hide pending review. */
export function localVerdict(
  text: string,
  lists: { reject?: readonly string[]; review?: readonly string[] } = {},
): LocalVerdict {
  if (listedWordsIn(text, lists.reject ?? ABUSIVE_WORDS).length > 0) return 'reject'
  return listedWordsIn(text, lists.review ?? REVIEW_WORDS).length > 0 ? 'review' : 'pass'
}
