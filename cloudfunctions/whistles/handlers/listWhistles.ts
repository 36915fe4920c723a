/**
 * Staff: the whistles their unit must answer, by due time, one page at a time. A department: its
 * own. A township: those of its villages the clock has taken to the township or the district. The
 * district: those at the district. One indexed query of one page (+1 to know if more follow); the
 * level of an answered whistle is computed (never stored), so those are filtered on that one page
 * and a page may hold fewer items than PAGE while `nextCursor` says more follow.
 */
import type { Whistle } from '../../../types/model/township'
import { NOT_STAFF } from '../../../domain/township/access'
import { decodeCursor, encodeCursor } from '../../../domain/shared/cursor'
import { whistleState } from '../../../domain/township/whistle'
import { WHISTLE_SCHEMAS } from '../../../domain/township/whistleSchemas'
import { refuse } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { staffRecords } from '../change'
import { departmentWhistles, districtWhistles, namesFor, townshipWhistles } from '../repo'
import { toWhistleView } from '../views'

export const WHISTLE_PAGE = 20

const HOUR_MS = 3600e3

export const listWhistles = handler(WHISTLE_SCHEMAS.listWhistles, async (input, ctx) => {
  const records = await staffRecords(ctx)
  const staff = input.staffId ? records.find((s) => s._id === input.staffId) : records[0]
  if (!staff) refuse(NOT_STAFF)
  const status = input.status ?? 'raised'
  const after = input.cursor ? decodeCursor(input.cursor) : undefined
  const raised = status === 'raised'
  const unit = staff.unit
  let page: Whistle[]
  let keep: (w: Whistle) => boolean = () => true
  switch (unit.kind) {
    case 'department':
      page = await departmentWhistles(ctx.db, unit.departmentId, status, after, WHISTLE_PAGE)
      break
    case 'township':
      page = await townshipWhistles(
        ctx.db,
        unit.townshipId,
        status,
        raised ? ctx.now : undefined,
        after,
        WHISTLE_PAGE,
      )
      keep = (w) => whistleState(w, ctx.now).level !== 'department'
      break
    case 'district':
      // a whistle reaches the district one period after its dueAt: at least an hour
      page = await districtWhistles(
        ctx.db,
        unit.districtId,
        status,
        raised ? new Date(ctx.now.getTime() - HOUR_MS) : undefined,
        after,
        WHISTLE_PAGE,
      )
      keep = (w) => whistleState(w, ctx.now).level === 'district'
      break
  }
  const rows = page.slice(0, WHISTLE_PAGE)
  const items = rows.filter(keep)
  const names = await namesFor(ctx.db, items)
  const last = rows[rows.length - 1]
  return {
    items: items.map((w) => toWhistleView(w, names, ctx.now)),
    ...(page.length > WHISTLE_PAGE && last
      ? { nextCursor: encodeCursor(last.dueAt, last._id) }
      : {}),
  }
})
