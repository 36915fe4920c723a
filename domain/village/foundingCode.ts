/**
 * 村委会启用码: the one-time code `npm run village:create` prints for a new village, which its first
 * committee member enters in the app (claimVillage). Twelve characters of the invite codes'
 * alphabet (no 0/O, 1/I), shown in three groups of four, `ABCD-EFGH-JKLM`; typed the way an invite
 * code is (full-width, lower case, spaces and dashes all fine). 32¹² ≈ 1.2 × 10¹⁸ codes: not
 * guessable. Pure: the randomness comes from the caller, the hash is taken where it is stored
 * (cloudfunctions/village/foundingCodes.ts).
 */
import { alphabetCode, INVITE_CODE_ALPHABET, normaliseInviteCode } from './inviteCode'

export const FOUNDING_CODE_LENGTH = 12

const FOUNDING_CODE = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${FOUNDING_CODE_LENGTH}}$`)

export const BAD_FOUNDING_CODE = '启用码是 12 位数字和字母（例如 ABCD-EFGH-JKLM），请核对后重新输入'

export const NO_FOUNDING_CODE = '请填写启用码'

/** A code as typed, made plain exactly as an invite code is (`abcd efgh-jklm` → `ABCDEFGHJKLM`). */
export function normaliseFoundingCode(raw: string): string {
  return normaliseInviteCode(raw)
}

/** Whether a normalised code is well-formed (it may still open no village). */
export function isFoundingCode(code: string): boolean {
  return FOUNDING_CODE.test(code)
}

/** A code from FOUNDING_CODE_LENGTH random bytes (normalised form, no dashes). */
export function foundingCodeFrom(bytes: ArrayLike<number>): string {
  return alphabetCode(bytes, FOUNDING_CODE_LENGTH)
}

/** How a code is printed and read out: `ABCD-EFGH-JKLM`. */
export function formatFoundingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? ''
}
