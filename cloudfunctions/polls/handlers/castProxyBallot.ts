/**
 * 代投 (point 11): a member of the voter's household (a verified member linked to a person of the
 * same household) or a committee member records a voter's ballot on their behalf, with how the
 * voter consented (当面 / 电话). At most the village's `proxyLimit` voters per recorder and poll:
 * every proxy cast of one recorder writes that recorder's counter (`proxyCounters`,
 * `<pollId>_<recorderId>`) in the same transaction as the ballot, so the limit holds however many
 * run at once. The turnout list marks the voter as 'proxy'; the voter sees it on getPoll and may
 * change it by casting before the close (the last counts, the mark becomes 'online').
 */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { encodeChoice } from '../../../domain/polls/choice'
import { audit } from '../../_shared/audit'
import { authorize, refuse, verifiedActorAnd } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { loadVillage } from '../../_shared/villages'
import { pollSubject } from '../access'
import {
  findPerson,
  findProxyCounter,
  NOT_IN_ELECTORATE,
  proxyCounterId,
  proxyLimitOf,
  reachedNow,
  saveProxyCounter,
} from '../channels'
import { findPoll, findVoter, loadPoll, NOT_FOUND_POLL, updateBallot, updateVoter } from '../repo'
import { assertCastable } from './castBallot'

const NOT_HOUSEHOLD = '只有选民的家里人（本户、已关联名册的村民）或村委会成员可以代投。'

const CONSENT = { inPerson: '当面同意', phone: '电话同意' } as const

export const castProxyBallot = handler(POLL_SCHEMAS.castProxyBallot, async (input, ctx) => {
  const [actor, found] = await verifiedActorAnd(ctx, findPoll(ctx.db, input.pollId))
  const seen = found ?? refuse(NOT_FOUND_POLL)
  const who = authorize(actor, 'castProxyBallot', pollSubject(seen), NOT_FOUND_POLL)
  const committee = who.roles.includes('committee')
  if (!committee && !who.personId) fail('FORBIDDEN', NOT_HOUSEHOLD)
  if (who.personId === input.personId) {
    fail('INVALID_INPUT', '给自己投票请直接投，不用代投。')
  }
  assertCastable(seen, ctx.now)
  const choice = encodeChoice(seen, input.choice)
  const [village, recorder] = await Promise.all([
    loadVillage(ctx.db, seen.villageId),
    committee || !who.personId ? undefined : findPerson(ctx.db, who.personId),
  ])
  const limit = proxyLimitOf(village)
  const _ = ctx.db.command
  return runTransaction(ctx.db, async (t) => {
    const poll = await loadPoll(t, input.pollId)
    assertCastable(poll, ctx.now)
    const listed = await findVoter(t, poll._id, input.personId)
    // a resident learns nothing about persons outside their household, not even who may vote
    if (!committee && (!listed || recorder?.householdId !== listed.householdId))
      fail('FORBIDDEN', NOT_HOUSEHOLD)
    const voter = listed ?? fail('NOT_ELIGIBLE', NOT_IN_ELECTORATE)
    if (voter.channel === 'paper') {
      fail('VOTED_ON_PAPER', `${voter.name}已经在会上投了纸质票，不能再代投。`)
    }
    if (voter.channel === 'online') {
      fail('CONFLICT', `${voter.name}已经自己投票了，不能代投。`)
    }
    if (voter.channel === 'proxy' && voter.proxy?.by !== who.memberId) {
      fail('CONFLICT', `已经有人为${voter.name}代投了。`)
    }
    const counter = await findProxyCounter(t, poll._id, who.memberId)
    const persons = counter?.personIds ?? []
    const again = persons.includes(voter.personId)
    if (!again && persons.length >= limit) {
      fail(
        'PROXY_LIMIT',
        `每人在一次表决里最多代投 ${limit} 人，您已经代投了 ${persons.length} 人，请让其他家人或村委会成员代投。`,
      )
    }
    const personIds = again ? persons : [...persons, voter.personId]
    await saveProxyCounter(t, proxyCounterId(poll._id, who.memberId), {
      pollId: poll._id,
      villageId: poll.villageId,
      recorderId: who.memberId,
      personIds,
      updatedAt: ctx.now,
    })
    await updateBallot(t, poll._id, voter.personId, { choice })
    await updateVoter(t, voter._id, {
      voted: true,
      channel: 'proxy',
      proxy: _.set({ by: who.memberId, byName: who.name, consent: input.consent }),
      ...reachedNow(voter, ctx.now),
    })
    await audit(t, {
      villageId: poll.villageId,
      subjectType: 'poll',
      subjectId: poll._id,
      action: 'castProxyBallot',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      note: `为${voter.name}代投（${CONSENT[input.consent]}）`,
    })
    return { remaining: limit - personIds.length }
  })
})
