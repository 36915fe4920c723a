/**
 * The database access of the `matters` function: its ratings here; matters, members, statements
 * and the timeline through their one repository each in `_shared/` (agenda slots: ./agenda.ts).
 */
import type { Rating } from '../../types/model/matter'
import { COLLECTION } from '../_shared/collections'
import type { Transaction } from '../_shared/cloud'
import { byId } from '../_shared/repo'

export { timelineOf } from '../_shared/audit'
export {
  addMatter,
  findMatter,
  loadMatter,
  mattersByIds,
  queryMatters,
  updateMatter,
  type MatterQuery,
} from '../_shared/matters'
export { findMember, loadMember } from '../_shared/members'
export { discussionPage } from '../_shared/statements'
export { visiblePolls } from '../_shared/polls'

export function ratingId(matterId: string, memberId: string): string {
  return `${matterId}_${memberId}`
}

export async function findRating(t: Transaction, matterId: string, memberId: string) {
  return byId<Rating>(t, COLLECTION.ratings, ratingId(matterId, memberId))
}

export async function saveRating(t: Transaction, rating: Rating): Promise<void> {
  const { _id, ...rest } = rating
  await t.collection(COLLECTION.ratings).doc(_id).set(rest)
}
