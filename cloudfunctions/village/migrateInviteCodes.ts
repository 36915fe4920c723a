/**
 * Migration: villages stored before 邀请码 get one (the demo village its fixed DEMO_INVITE_CODE
 * when free, every other a random one). Only villages without a code are touched, each by one
 * conditional update, so the migration can stop anywhere and run again; a second run changes
 * nothing. One entry of the project's list of migrations (`npm run migrate`).
 */
import type { Village } from '../../types/model/member'
import { DEMO_INVITE_CODE, DEMO_VILLAGE_ID } from '../../domain/village/demo'
import { COLLECTION } from '../_shared/collections'
import type { Database } from '../_shared/cloud'
import { allWhere } from '../_shared/repo'
import { assignInviteCode } from './inviteCodes'

/** Answers how many villages it gave a code. */
export async function migrateInviteCodes(db: Database): Promise<number> {
  const without = await allWhere<Pick<Village, '_id'>>(
    db,
    COLLECTION.villages,
    { inviteCode: db.command.exists(false) },
    { field: { _id: true } },
  )
  let changed = 0
  for (const v of without) {
    const wanted = v._id === DEMO_VILLAGE_ID ? [DEMO_INVITE_CODE] : []
    if (await assignInviteCode(db, v._id, wanted)) changed += 1
  }
  return changed
}
