/**
 * 邀请码: six characters a resident types (or scans as a QR code) to find their village. Digits and
 * capitals without the look-alikes 0/O and 1/I, so a code read aloud or off paper is typed right.
 * Pure: the randomness comes from the caller (the village function uses crypto).
 */

/** 32 characters: 2–9 and A–Z without I and O. */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const INVITE_CODE_LENGTH = 6

const INVITE_CODE = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`)

export const BAD_INVITE_CODE = `邀请码是 ${INVITE_CODE_LENGTH} 位数字和字母，请核对后重新输入`

/**
 * A code as typed: full-width characters made plain (ＡＢ１ → AB1), upper-cased, spaces and dashes
 * dropped (`4xq-9tr` → `4XQ9TR`). The result may still not be a code: check with isInviteCode.
 */
export function normaliseInviteCode(raw: string): string {
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―]/g, '')
}

export function isInviteCode(code: string): boolean {
  return INVITE_CODE.test(code)
}

/**
 * A code from INVITE_CODE_LENGTH random bytes: each byte's low five bits pick a character (the
 * alphabet has 32, so every character is equally likely).
 */
export function inviteCodeFrom(bytes: ArrayLike<number>): string {
  return alphabetCode(bytes, INVITE_CODE_LENGTH)
}

/**
 * `length` characters of INVITE_CODE_ALPHABET from as many random bytes (each byte's low five
 * bits); the 村委会启用码 (./foundingCode.ts) is drawn the same way.
 */
export function alphabetCode(bytes: ArrayLike<number>, length: number): string {
  if (bytes.length < length) throw new RangeError('too few random bytes')
  let code = ''
  for (let i = 0; i < length; i += 1) {
    code += INVITE_CODE_ALPHABET[(bytes[i] as number) & 31]
  }
  return code
}
