/**
 * The committee's view of its register, a page at a time in the order persons were put on it
 * (createdAt, then id: the house cursor), with each person's adult flag, 村民代表 and 户代表 marks
 * and how many accounts are linked. Three database requests: the caller, the page, its households.
 */
import { decodeCursor, encodeCursor } from '../../../domain/shared/cursor'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { handler } from '../../_shared/handler'
import { pageOfPersons } from '../../_shared/persons'
import { householdsByIds, personView } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const listPersons = handler(VILLAGE_SCHEMAS.listPersons, async (input, ctx) => {
  const who = await allowedInOwnVillage(ctx, 'listPersons')
  const page = await pageOfPersons(ctx.db, {
    villageId: who.villageId,
    householdId: input.householdId,
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit,
  })
  const shown = page.slice(0, input.limit)
  const households = await householdsByIds(ctx.db, [...new Set(shown.map((p) => p.householdId))])
  const byId = new Map(households.map((h) => [h._id, h]))
  const persons = shown.map((p) => personView(p, byId.get(p.householdId)))
  const last = shown[shown.length - 1]
  return page.length > input.limit && last
    ? { persons, nextCursor: encodeCursor(last.createdAt, last._id) }
    : { persons }
})
