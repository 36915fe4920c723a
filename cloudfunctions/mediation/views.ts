/**
 * Cases as the screens see them (dates as ISO strings): the whole case for those
 * domain/mediation/rules.ts `mediationView` lets see it, the brief (the matter's title and the
 * public word) for every other member of the village.
 */
import type { MediationBrief, MediationView } from '../../types/api/mediation'
import type { MediationCase } from '../../types/model/township'
import { MEDIATION_STATUS_LABELS, mediationView } from '../../domain/mediation/rules'
import type { Actor } from '../../domain/permissions'
import type { Database } from '../_shared/cloud'
import { mattersByIds, membersByIds } from './repo'

const iso = (d: Date | string): string => new Date(d).toISOString()

/** A member no longer found (removed from the register) still has a line in the case. */
const UNKNOWN_NAME = '（已不在本村的村民）'

/** What a view needs besides the case: the matters' titles and the names of the people in it. */
export interface Parts {
  titles: ReadonlyMap<string, string>
  names: ReadonlyMap<string, string>
}

/** The whole case, as `viewerId` reads it (`mayConfirm` is theirs). */
export function toView(c: MediationCase, parts: Parts, viewerId: string): MediationView {
  const name = (id: string) => parts.names.get(id) ?? UNKNOWN_NAME
  const confirmations = c.agreement?.confirmations ?? {}
  const confirmedAt = (id: string) => confirmations[id]
  return {
    kind: 'full',
    id: c._id,
    matterId: c.matterId,
    matterTitle: parts.titles.get(c.matterId) ?? '',
    status: c.status,
    statusLabel: MEDIATION_STATUS_LABELS[c.status],
    legalOfficer: { memberId: c.legalOfficerId, name: name(c.legalOfficerId) },
    parties: c.partyIds.map((memberId) => {
      const at = confirmedAt(memberId)
      return { memberId, name: name(memberId), ...(at ? { confirmedAt: iso(at) } : {}) }
    }),
    meetings: c.meetings.map((m) => ({ at: iso(m.at), place: m.place, notes: m.notes })),
    ...(c.agreement
      ? { agreement: { text: c.agreement.text, proposedAt: iso(c.agreement.proposedAt) } }
      : {}),
    ...(c.failure ? { failure: { note: c.failure.note, at: iso(c.failure.at) } } : {}),
    ...(c.referral
      ? { referral: { to: c.referral.to, at: iso(c.referral.at), note: c.referral.note } }
      : {}),
    ...(c.closedOn ? { closedOn: c.closedOn } : {}),
    mayConfirm:
      c.status === 'open' &&
      c.agreement !== undefined &&
      c.partyIds.includes(viewerId) &&
      confirmedAt(viewerId) === undefined,
    mayLead: viewerId === c.legalOfficerId,
  }
}

/**
 * Each case as `viewer` may see it, in order: two reads at once (the matters' titles, and the
 * names of the people in the cases the viewer sees whole), none for names when they see none.
 */
export async function present(
  db: Database,
  viewer: Actor,
  cases: readonly MediationCase[],
): Promise<Array<MediationView | MediationBrief>> {
  const seen = cases.map((c) => ({ c, view: mediationView(c, viewer) }))
  const people = seen
    .filter((s) => s.view.access === 'full')
    .flatMap(({ c }) => [c.legalOfficerId, ...c.partyIds])
  const [matters, members] = await Promise.all([
    mattersByIds(
      db,
      viewer.villageId,
      cases.map((c) => c.matterId),
    ),
    people.length ? membersByIds(db, viewer.villageId, people) : [],
  ])
  const parts: Parts = {
    titles: new Map(matters.map((m) => [m._id, m.title])),
    names: new Map(members.map((m) => [m._id, m.name])),
  }
  return seen.map(({ c, view }) =>
    view.access === 'full'
      ? toView(c, parts, viewer.memberId)
      : {
          kind: 'brief',
          matterId: c.matterId,
          matterTitle: parts.titles.get(c.matterId) ?? '',
          statusLabel: view.status,
        },
  )
}

/** One case as `viewer` may see it. */
export async function presentOne(
  db: Database,
  viewer: Actor,
  c: MediationCase,
): Promise<MediationView | MediationBrief> {
  const [view] = await present(db, viewer, [c])
  return view as MediationView | MediationBrief
}

/** One case the caller has just changed: they see it whole (the rules let only such people act). */
export async function presentChanged(
  db: Database,
  viewer: Actor,
  c: MediationCase,
): Promise<MediationView> {
  const view = await presentOne(db, viewer, c)
  if (view.kind !== 'full') throw new Error('a change by someone who may not see the case')
  return view
}
