/**
 * 启用码 of a staff record: the first WeChat user who enters the one-time code printed by the
 * district's import (scripts/districtImport.ts) becomes that staff member — the record gets their
 * OPENID, the code's hash is removed, and the audit says so, in one transaction, so of many
 * entering one code at once exactly one gets the record. Refused, writing nothing, for a wrong or
 * spent code, a removed record, and a caller who already works for that very unit.
 */
import type { Staff, StaffUnit } from '../../../types/model/township'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { audit } from '../../_shared/audit'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { townshipOfUnit } from '../../_shared/staff'
import { foundingCodeHash } from '../../village/foundingCodes'
import { NOT_SIGNED_IN } from '../callers'
import { findStaff, putStaff, staffByFoundingHash } from '../repo'
import { staffUnitId, staffViews } from '../views'

export const WRONG_STAFF_CODE =
  '启用码不对，或者已经有人用过了。请核对单位发给您的启用码后重新输入。'
export const ALREADY_STAFF = '您已经是这个单位的工作人员了，不用再启用。'

const sameUnit = (a: StaffUnit, b: StaffUnit) => JSON.stringify(a) === JSON.stringify(b)

export const claimStaff = handler(TOWNSHIP_SCHEMAS.claimStaff, async (input, ctx) => {
  const openid = ctx.openid ?? fail('UNAUTHENTICATED', NOT_SIGNED_IN)
  const codeHash = foundingCodeHash(input.code)
  const found = await staffByFoundingHash(ctx.db, codeHash)
  if (!found || found.status !== 'active') fail('NOT_FOUND', WRONG_STAFF_CODE)
  if ((await ctx.staff()).some((s) => sameUnit(s.unit, found.unit))) {
    fail('CONFLICT', ALREADY_STAFF)
  }
  const claimed = await runTransaction(ctx.db, async (t) => {
    // Read again inside: another caller may have spent the code since. Writing the record
    // (founding removed) makes every concurrent claim of it conflict.
    const record = await findStaff(t, found._id)
    if (record?.founding?.codeHash !== codeHash || record.status !== 'active') {
      fail('NOT_FOUND', WRONG_STAFF_CODE)
    }
    const { _id, ...rest } = record
    const after: Omit<Staff, '_id'> = { ...rest, openid, updatedAt: ctx.now }
    delete after.founding
    await putStaff(t, { _id, ...after })
    const townshipId = townshipOfUnit(record.unit)
    await audit(t, {
      villageId: staffUnitId(record),
      ...(townshipId !== undefined ? { townshipId } : {}),
      subjectType: 'staff',
      subjectId: _id,
      action: 'claimStaff',
      actorId: _id,
      actorName: record.name,
      at: ctx.now,
      to: 'claimed',
      note: '用启用码启用了工作人员身份',
    })
    return { _id, ...after }
  })
  const [view] = await staffViews(ctx.db, [claimed])
  return view ?? fail('INTERNAL', '服务出了点问题，请稍后再试。')
})
