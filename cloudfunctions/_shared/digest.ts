/**
 * The poll digest (计票摘要): SHA-256, as lowercase hex, over the UTF-8 bytes of the canonical
 * ballot list (domain/polls/digest.ts). Used by the polls function when it closes a poll and by
 * `npm run verify-tally`, so both compute it the one same way.
 */
import { createHash } from 'node:crypto'
import {
  canonicalBallotLines,
  type CanonicalBallot,
  type PaperCount,
} from '../../domain/polls/digest'

/** SHA-256 of the UTF-8 bytes of `text`, 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The digest of a poll's ballots and confirmed paper counts. */
export function ballotDigest(
  ballots: readonly CanonicalBallot[],
  paper: readonly PaperCount[],
): string {
  return sha256Hex(canonicalBallotLines(ballots, paper))
}
