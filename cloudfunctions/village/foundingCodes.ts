/**
 * 村委会启用码, where they are made and looked up: drawn with crypto randomness
 * (domain/village/foundingCode.ts says what a code is) and stored only as the SHA-256 of the
 * normalised code (Village.founding.codeHash), so the database never holds a usable code.
 * `npm run village:create` issues them; claimVillage finds the village by the hash.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Village } from '../../types/model/member'
import { FOUNDING_CODE_LENGTH, foundingCodeFrom } from '../../domain/village/foundingCode'
import { COLLECTION } from '../_shared/collections'
import type { Database } from '../_shared/cloud'

/** A fresh random code, normalised (no dashes). */
export function newFoundingCode(): string {
  return foundingCodeFrom(randomBytes(FOUNDING_CODE_LENGTH))
}

/** The SHA-256 (hex) of a normalised code: what is stored and looked up. */
export function foundingCodeHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex')
}

/** The village not yet claimed whose code has this hash (index founding_codeHash), if any. */
export async function villageByFoundingHash(
  db: Database,
  codeHash: string,
): Promise<Village | undefined> {
  const { data } = await db
    .collection(COLLECTION.villages)
    .where({ 'founding.codeHash': codeHash })
    .limit(1)
    .get()
  return data[0] as Village | undefined
}
