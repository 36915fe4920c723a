/** What a person may do next with a matter: the buttons the detail screen shows. */
import type { Matter } from '../../types/model/matter'
import { can, PERMISSIONS, type Action, type Actor } from '../permissions'
import { FINAL_STATUSES, nextActions } from './lifecycle'
import { closable, discussionMayStart, minutesOpen, ratingOpen } from './rules'
import { isArt24 } from './categories'
import { categoryChangeOpen } from './procedure'
import { shanghaiDate } from '../shared/time'
import { acceptsStatements } from '../discussion/rules'

/** The committee drafts a poll any day; a moderator only on the matter's talk day. */
export function pollMayBeDrafted(actor: Actor | null, matter: Matter, now: Date): boolean {
  return !!actor && (actor.roles.includes('committee') || matter.talkDay === shanghaiDate(now))
}

export function matterSubject(matter: Pick<Matter, 'villageId' | 'raisedBy' | 'handling'>) {
  return {
    villageId: matter.villageId,
    ownerId: matter.raisedBy,
    handlerId: matter.handling?.handlerId,
  }
}

function isPermission(action: string): action is Action {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, action)
}

export function availableActions(actor: Actor | null, matter: Matter, now: Date): Action[] {
  const subject = matterSubject(matter)
  const allowed = (a: Action) => can(actor, a, subject).allowed
  const out: Action[] = (nextActions(matter.status) as string[])
    .filter(isPermission)
    .filter(allowed)
  const extra: Array<[Action, boolean]> = [
    ['reportProgress', matter.status === 'handling'],
    [
      'rateMatter',
      ratingOpen(matter, now) && !!actor && !matter.rating.raters.includes(actor.memberId),
    ],
    ['moveAgendaItem', matter.status === 'accepted' && !!matter.talkDay],
    ['recordMinutes', minutesOpen(matter, now)],
    ['changeCategory', categoryChangeOpen(matter)],
    ['recordProcedureStep', isArt24(matter.category) && categoryChangeOpen(matter)],
    // 民事民决: a poll is drafted on a matter in discussion (the polls function opens it)
    ['draftPoll', matter.status === 'discussing'],
    // 民事民议: the discussion takes statements from acceptance until it is resolved; any member may
    // report another's statement meanwhile (the statement's own flags say which ones).
    ['postStatement', acceptsStatements(matter.status)],
    ['reportStatement', acceptsStatements(matter.status)],
    // 调解: the legal officer may open a case on any matter that has not ended (getMatter drops
    // it when the matter has one already)
    ['openMediation', !FINAL_STATUSES.includes(matter.status)],
  ]
  for (const [action, when] of extra) if (when && allowed(action)) out.push(action)
  return out.filter(
    (a) =>
      a !== 'openPoll' &&
      (a !== 'draftPoll' || pollMayBeDrafted(actor, matter, now)) &&
      (a !== 'closeMatter' || closable(matter, now)) &&
      (a !== 'startDiscussion' || discussionMayStart(matter, now)) &&
      // An Art. 24 matter is decided by a poll of the assembly (or its delegates), never here.
      (a !== 'recordDecision' || !isArt24(matter.category)),
  )
}
