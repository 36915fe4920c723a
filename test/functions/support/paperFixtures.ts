/**
 * For the paper, 代投 and 送达 tests: a poll village (pollFixtures) with a second committee member
 * (a confirmation needs another member than the one who entered), and small call helpers.
 */
import type { Member } from '../../../types/model/member'
import type { ActionName, Envelope } from '../../../types/api'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Backend } from './backend'
import { insert, member } from './fixtures'
import { pollVillage, type PollVillage } from './pollFixtures'

export type PaperVillage = PollVillage & { committee2: Member }

/** 2026-11-24 21:00 Shanghai: a consult poll opened at TEST_NOW closes then (3 days' notice). */
export const CLOSES = new Date('2026-11-24T21:00:00+08:00')

export function paperVillage(
  backend: Backend,
  name: string,
  opts: { n: number; linked?: number } = { n: 4 },
): PaperVillage {
  const v = pollVillage(backend, name, opts)
  const committee2 = member(`${name}-com2`, v.id, ['resident', 'committee'], { name: '村委二' })
  insert(backend, COLLECTION.members, [committee2])
  return { ...v, committee2 }
}

/**
 * `call(openid, action, payload)` on the polls function of the file's backend (read when called,
 * as it starts in beforeAll); a payload of any shape, since refusals are tested too.
 */
export function pollsCaller(backend: () => Backend) {
  return <A extends ActionName<'polls'>>(
    openid: string,
    action: A,
    payload: Record<string, unknown>,
  ) => backend().call(openid, 'polls', action, payload)
}

/** Calls a polls action and answers its data, or throws with the refusal. */
export async function ok<T>(call: Promise<Envelope<T>>): Promise<T> {
  const res = await call
  if (!res.ok) throw new Error(JSON.stringify(res))
  return res.data
}

export async function docOf(backend: Backend, collection: string, id: string) {
  const { data } = await backend.db.collection(collection).doc(id).get()
  return data[0] as Record<string, unknown> | undefined
}

/** Counts the poll now: the clock past its closing time and grace, then the committee's closePoll. */
export async function countNow(backend: Backend, v: PollVillage, pollId: string) {
  backend.emulator.clock.set(CLOSES.getTime() + 25_000)
  await ok(backend.call(v.committee.openid, 'polls', 'closePoll', { pollId }))
  const poll = await docOf(backend, COLLECTION.polls, pollId)
  return poll?.result as Record<string, unknown>
}
