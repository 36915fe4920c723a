/**
 * The local content check's word list: a short list of common abusive words, for development and
 * the emulator. Production asks WeChat's content security service instead (see
 * cloudfunctions/_shared/contentCheck.ts); this list is not meant to be complete.
 */
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
 * The text as the check reads it: full-width letters folded (NFKC), lower case, and spaces and
 * punctuation between characters dropped, so "傻 逼" or "傻.逼" are caught too.
 */
export function normalizeForCheck(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

/** The listed words `text` contains (empty when it is clean). */
export function listedWordsIn(text: string, words: readonly string[] = ABUSIVE_WORDS): string[] {
  const normalized = normalizeForCheck(text)
  return words.filter((w) => normalized.includes(normalizeForCheck(w)))
}
