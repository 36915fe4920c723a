/**
 * A matter's whistles with their clocks: every verified member of the matter's village sees them
 * all; staff see those of their department, township or district. Anyone else — a member of
 * another village, staff of another unit — gets the answer a made-up id gets; someone who is
 * neither a member nor staff is refused before anything is read.
 */
import type { Whistle } from '../../../types/model/township'
import { matterSubject } from '../../../domain/matters/actions'
import { NOT_A_MEMBER } from '../../../domain/permissions'
import { WHISTLE_SCHEMAS } from '../../../domain/township/whistleSchemas'
import { authorize, NOT_FOUND, refuse } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { findMatter } from '../../_shared/matters'
import { seeing } from '../access'
import { namesFor, whistlesOfMatter } from '../repo'
import { toWhistleView } from '../views'

export const matterWhistles = handler(WHISTLE_SCHEMAS.matterWhistles, async (input, ctx) => {
  const [actor, records] = await Promise.all([ctx.actor(), ctx.staff()])
  const member = actor && actor.status === 'verified' ? actor : null
  if (!member && records.length === 0) refuse(NOT_A_MEMBER)
  const [matter, whistles] = await Promise.all([
    findMatter(ctx.db, input.matterId),
    whistlesOfMatter(ctx.db, input.matterId),
  ])
  if (!matter) refuse(NOT_FOUND.matter)
  let shown: Whistle[]
  if (member && member.villageId === matter.villageId) {
    authorize(member, 'viewWhistles', matterSubject(matter), NOT_FOUND.matter)
    shown = whistles
  } else {
    shown = whistles.filter((w) => seeing(records, w) !== undefined)
    if (shown.length === 0) refuse(NOT_FOUND.matter)
  }
  const names = await namesFor(ctx.db, shown)
  return { items: shown.map((w) => toWhistleView(w, names, ctx.now)) }
})
