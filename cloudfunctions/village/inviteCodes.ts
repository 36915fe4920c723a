/**
 * 邀请码 for villages: drawn with crypto randomness (domain/village/inviteCode.ts says what a
 * code is), unique by the villages' unique `inviteCode` index: a code already taken is refused by
 * the database and another one is drawn.
 */
import { randomBytes } from 'node:crypto'
import { INVITE_CODE_LENGTH, inviteCodeFrom } from '../../domain/village/inviteCode'
import { COLLECTION } from '../_shared/collections'
import type { Database } from '../_shared/cloud'

/** A fresh random code (32⁶ ≈ 1.07 billion of them). */
export function newInviteCode(): string {
  return inviteCodeFrom(randomBytes(INVITE_CODE_LENGTH))
}

/** Codes tried for one village before giving up (a clash is about one in a million per try). */
const ATTEMPTS = 10

export function isDuplicateKey(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === 'string' && /E11000|duplicate key/i.test(message)
}

/**
 * Gives the village a code when it has none yet (the first of `wanted`, then random ones, past
 * any already taken). Answers the code it got, or undefined when it already had one.
 */
export async function assignInviteCode(
  db: Database,
  villageId: string,
  wanted: readonly string[] = [],
): Promise<string | undefined> {
  const _ = db.command
  for (let i = 0; i < ATTEMPTS; i += 1) {
    const code = wanted[i] ?? newInviteCode()
    try {
      // Only while it still has none: two runs at once give it one code, not two.
      const res = await db
        .collection(COLLECTION.villages)
        .where({ _id: villageId, inviteCode: _.exists(false) })
        .update({ inviteCode: code })
      return res.updated ? code : undefined
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  }
  throw new Error(`no free invite code for village ${villageId} after ${ATTEMPTS} tries`)
}
