/**
 * The agenda (议程) of a 说事日 as slot documents (`AgendaSlot`, `<villageId>_<date>_<slot>`), read
 * and written only here. Placing a matter takes one free slot inside the caller's transaction: it
 * looks at the day's slots as last committed, then tries the free ones in a random order, so
 * concurrent accepts onto one day spread over different documents and conflict only when two
 * pick the same slot (the transaction then runs again and sees it taken). The capacity rule needs
 * no count: a day has no more than agendaSize slots and a slot holds one matter.
 */
import type { LocalDate } from '../../types/model/common'
import type { AgendaSlot } from '../../types/model/matter'
import type { Village } from '../../types/model/member'
import { isTalkDay } from '../../domain/talkday'
import { AGENDA_LOOKAHEAD, upcomingTalkDays } from '../../domain/matters/rules'
import { shanghaiDate } from '../../domain/shared/time'
import { COLLECTION } from '../_shared/collections'
import { database, type Database, type Transaction } from '../_shared/cloud'
import { fail } from '../_shared/handler'
import { byId } from '../_shared/repo'

export function slotId(villageId: string, date: LocalDate, slot: number): string {
  return `${villageId}_${date}_${slot}`
}

/** The slots of some days as last committed (a query: not part of any transaction). */
async function slotsOn(db: Database, villageId: string, dates: LocalDate[]): Promise<AgendaSlot[]> {
  const _ = db.command
  const { data } = await db
    .collection(COLLECTION.agendaSlots)
    .where({ villageId, date: dates.length === 1 ? dates[0] : _.in(dates) })
    .limit(1000)
    .get()
  return data as AgendaSlot[]
}

function inOrder(slots: AgendaSlot[]): AgendaSlot[] {
  return [...slots].sort((a, b) => a.position - b.position || a.slot - b.slot)
}

/** One day's agenda, in order. */
export async function agendaOf(db: Database, villageId: string, date: LocalDate) {
  return inOrder(await slotsOn(db, villageId, [date]))
}

/** The agendas of several days at once (one query), each in order; a day without items maps to []. */
export async function agendasOf(
  db: Database,
  villageId: string,
  dates: LocalDate[],
): Promise<Map<LocalDate, AgendaSlot[]>> {
  const slots = dates.length === 0 ? [] : await slotsOn(db, villageId, dates)
  return new Map(dates.map((d) => [d, inOrder(slots.filter((s) => s.date === d))]))
}

/** Every slot that holds `matterId` (on any day), one query on the matterId index. */
export async function slotsOfMatter(
  db: Database,
  villageId: string,
  matterId: string,
): Promise<AgendaSlot[]> {
  const { data } = await db
    .collection(COLLECTION.agendaSlots)
    .where({ matterId, villageId })
    .limit(1000)
    .get()
  return data as AgendaSlot[]
}

/** The slot that holds `matterId` on `date`, read again inside the transaction. */
export async function slotOf(
  t: Transaction,
  db: Database,
  villageId: string,
  matterId: string,
  date: LocalDate,
): Promise<AgendaSlot | undefined> {
  const found = (await slotsOn(db, villageId, [date])).find((s) => s.matterId === matterId)
  const now = found && (await byId<AgendaSlot>(t, COLLECTION.agendaSlots, found._id))
  return now?.matterId === matterId ? now : undefined
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

/**
 * Puts the matter on `date`'s agenda, or on the next talk day with room when no date is given,
 * inside `t`. Answers the date it went to; CONFLICT when there is no room.
 */
export async function placeOnAgenda(
  t: Transaction,
  db: Database,
  village: Village,
  matterId: string,
  now: Date,
  date?: LocalDate,
): Promise<LocalDate> {
  const size = village.settings.agendaSize
  if (date) {
    if (!isTalkDay(new Date(`${date}T12:00:00+08:00`), village.talkDays)) {
      fail('INVALID_INPUT', `${date} 不是本村的说事日。`)
    }
    if (date <= shanghaiDate(now)) fail('INVALID_INPUT', '只能排到以后的说事日。')
  }
  const days = date ? [date] : upcomingTalkDays(now, village.talkDays, AGENDA_LOOKAHEAD)
  const committed = await slotsOn(db, village._id, days)
  for (const day of days) {
    const taken = committed.filter((s) => s.date === day)
    if (taken.some((s) => s.matterId === matterId)) return day
    const used = new Set(taken.map((s) => s.slot))
    const free = Array.from({ length: size }, (_, i) => i + 1).filter((n) => !used.has(n))
    for (const n of shuffled(free)) {
      const id = slotId(village._id, day, n)
      // Taken since the query? Try the next one; a slot taken after this read makes the commit
      // conflict, and the transaction runs again.
      if (await byId<AgendaSlot>(t, COLLECTION.agendaSlots, id)) continue
      const slot: Omit<AgendaSlot, '_id'> = {
        villageId: village._id,
        date: day,
        slot: n,
        matterId,
        position: now.getTime(),
        placedAt: now,
      }
      await t.collection(COLLECTION.agendaSlots).doc(id).set(slot)
      return day
    }
  }
  return fail(
    'CONFLICT',
    date ? `${date} 的议程已满（最多 ${size} 件）。` : '接下来的说事日议程都满了，请先调整议程。',
  )
}

/** Takes the matter off `date`'s agenda inside `t` (nothing to do when it is not there). */
export async function removeFromAgenda(
  t: Transaction,
  db: Database,
  villageId: string,
  matterId: string,
  date: LocalDate,
): Promise<void> {
  const slot = await slotOf(t, db, villageId, matterId, date)
  if (slot) await t.collection(COLLECTION.agendaSlots).doc(slot._id).remove()
}

/** Writes the agenda's new order: every slot of the day gets its place (1, 2, …). */
export async function writeOrder(t: Transaction, slots: AgendaSlot[]): Promise<void> {
  for (const [i, slot] of slots.entries()) {
    await t
      .collection(COLLECTION.agendaSlots)
      .doc(slot._id)
      .update({ position: i + 1 })
  }
}

/** Records the minutes of the matter in its slot. */
export async function writeMinutes(
  t: Transaction,
  slot: AgendaSlot,
  minutes: NonNullable<AgendaSlot['minutes']>,
): Promise<void> {
  // Written whole (the SDK would turn a nested object into dotted paths into the old one).
  await t
    .collection(COLLECTION.agendaSlots)
    .doc(slot._id)
    .update({ minutes: database().command.set(minutes) })
}

/** A day's slots read inside the transaction (by the ids the query found), in order. */
export async function agendaIn(
  t: Transaction,
  db: Database,
  villageId: string,
  date: LocalDate,
): Promise<AgendaSlot[]> {
  const committed = await slotsOn(db, villageId, [date])
  const read = await Promise.all(
    committed.map((s) => byId<AgendaSlot>(t, COLLECTION.agendaSlots, s._id)),
  )
  return inOrder(read.filter((s): s is AgendaSlot => s !== undefined))
}
