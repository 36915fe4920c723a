/** What a person may do next with a matter: the buttons the detail screen shows. */
import type { Matter } from '../../types/model/matter'
import { can, PERMISSIONS, type Action, type Actor } from '../permissions'
import { nextActions } from './lifecycle'
import { closable, discussionMayStart, minutesOpen, ratingOpen } from './rules'
import { isArt24 } from './categories'
import { categoryChangeOpen } from './procedure'

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
  ]
  for (const [action, when] of extra) if (when && allowed(action)) out.push(action)
  return out.filter(
    (a) =>
      (a !== 'closeMatter' || closable(matter, now)) &&
      (a !== 'startDiscussion' || discussionMayStart(matter, now)) &&
      // An Art. 24 matter is decided by a poll of the assembly (or its delegates), never here.
      (a !== 'recordDecision' || !isArt24(matter.category)),
  )
}
