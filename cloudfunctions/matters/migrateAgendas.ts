/**
 * Migration: agendas stored as one document per day (`LegacyAgenda`, `<villageId>_<date>` with a
 * list of matter ids and the minutes by matter) become agenda slots (`AgendaSlot`,
 * `<villageId>_<date>_<n>`), in the same order, with the same minutes. Each old agenda is turned
 * into its slots and removed in ONE transaction, so the migration can stop anywhere and run again:
 * what is done is not done twice, what is left is done. `migrateAgendas(db)` is one entry of the
 * project's list of migrations (`npm run migrate`).
 */
import type { AgendaSlot, LegacyAgenda } from '../../types/model/matter'
import { COLLECTION } from '../_shared/collections'
import { runTransaction, type Database } from '../_shared/cloud'
import { byId } from '../_shared/repo'
import { slotId } from './agenda'

export interface AgendaMigration {
  /** Old agenda documents turned into slots (and removed) by this run. */
  agendas: number
  slots: number
}

/** The slots an old agenda becomes: its matters in order, slot n = place n. */
export function slotsOf(agenda: LegacyAgenda): AgendaSlot[] {
  return agenda.matterIds.map((matterId, i) => {
    const minutes = agenda.minutes?.[matterId]
    return {
      _id: slotId(agenda.villageId, agenda.date, i + 1),
      villageId: agenda.villageId,
      date: agenda.date,
      slot: i + 1,
      matterId,
      position: i + 1,
      ...(minutes ? { minutes } : {}),
      placedAt: agenda.updatedAt,
    }
  })
}

export async function migrateAgendas(db: Database): Promise<AgendaMigration> {
  const done: AgendaMigration = { agendas: 0, slots: 0 }
  // Bounded: each round removes what it read; a village has a few dozen talk days a year.
  for (let round = 0; round < 1000; round += 1) {
    const { data } = await db.collection(COLLECTION.agendas).orderBy('_id', 'asc').limit(100).get()
    const ids = (data as Array<{ _id: string }>).map((a) => a._id)
    if (ids.length === 0) return done
    for (const id of ids) {
      done.slots += await runTransaction(db, async (t) => {
        const agenda = await byId<LegacyAgenda>(t, COLLECTION.agendas, id)
        if (!agenda) return 0
        const slots = slotsOf(agenda)
        for (const { _id, ...slot } of slots) {
          await t.collection(COLLECTION.agendaSlots).doc(_id).set(slot)
        }
        await t.collection(COLLECTION.agendas).doc(id).remove()
        return slots.length
      })
      done.agendas += 1
    }
  }
  return done
}
