/** Stored matters as the screens see them (dates as ISO strings). */
import type {
  MatterDetail,
  MatterSummary,
  ProcedureStepView,
  TimelineItem,
} from '../../types/api/matters'
import type { AuditRecord } from '../../types/model/audit'
import type { PollSummary } from '../../types/api/polls'
import type { AgendaSlot, Matter, MatterStatus } from '../../types/model/matter'
import type { MediationCase } from '../../types/model/township'
import type { Actor } from '../../domain/permissions'
import { availableActions } from '../../domain/matters/actions'
import { isOverdue } from '../../domain/matters/rules'
import { CATEGORIES } from '../../domain/matters/categories'
import { PROCEDURE_STEPS, STEP_LABELS } from '../../domain/matters/procedure'
import { MEDIATION_STATUS_LABELS, mediationView } from '../../domain/mediation/rules'
import { WHISTLE_AUDIT_ACTION } from '../../domain/township/whistleSteps'

const iso = (d: Date | string): string => new Date(d).toISOString()

export function toSummary(m: Matter, now: Date): MatterSummary {
  return {
    id: m._id,
    title: m.title,
    status: m.status,
    origin: m.origin,
    urgent: m.urgent,
    raisedByName: m.raisedByName,
    raisedAt: iso(m.raisedAt),
    talkDay: m.talkDay,
    overdue: isOverdue(m, now),
    photoCount: m.photos.length,
    ...(m.declineReason !== undefined ? { declineReason: m.declineReason } : {}),
    ...(m.mergedInto !== undefined ? { mergedInto: m.mergedInto } : {}),
    ...(m.category && CATEGORIES[m.category]
      ? {
          category: {
            key: m.category,
            label: CATEGORIES[m.category].label,
            art24: CATEGORIES[m.category].art24,
            ...(CATEGORIES[m.category].clause ? { clause: CATEGORIES[m.category].clause } : {}),
          },
        }
      : {}),
  }
}

function procedureView(m: Matter): ProcedureStepView[] {
  return PROCEDURE_STEPS.flatMap((step) => {
    const s = m.procedure?.[step]
    if (!s) return []
    return [
      {
        step,
        label: STEP_LABELS[step],
        date: s.date,
        expected: s.expected,
        present: s.present,
        result: s.result,
        note: s.note,
        at: iso(s.at),
      },
    ]
  })
}

/**
 * Entries whose from/to are not the matter's statuses: a category change (its note names both
 * categories), and the steps of a whistle (吹哨报到: its own statuses and levels; the note says the
 * step in words, domain/township/whistleSteps.ts).
 */
const NOT_A_STATUS_CHANGE = new Set<string>([
  'changeCategory',
  ...Object.values(WHISTLE_AUDIT_ACTION),
])

export function toTimelineItem(e: AuditRecord): TimelineItem {
  const statuses = !NOT_A_STATUS_CHANGE.has(e.action)
  return {
    at: iso(e.at),
    actorName: e.actorName,
    action: e.action,
    from: statuses ? (e.from as MatterStatus | undefined) : undefined,
    to: statuses ? (e.to as MatterStatus | undefined) : undefined,
    note: e.note,
  }
}

/** What the matter page shows besides the matter itself, read by getMatter. */
export interface DetailParts {
  timeline: AuditRecord[]
  discussion: MatterDetail['discussion']
  /** The matter's agenda slots (on any day). */
  slots: AgendaSlot[]
  polls: PollSummary[]
  /** The matter it was merged into, when it was and that one still exists. */
  mergedIntoTitle?: string
  villageName: string
  /** How the matter's mediation stands for the caller (`mediationLabel`), when it has a case. */
  mediationLabel?: string
}

/**
 * The words of a case's state `viewer` may read: its status for those who see the case whole,
 * the public word for every other member (domain/mediation/rules.ts mediationView).
 */
export function mediationLabel(c: MediationCase, viewer: Actor): string {
  const seen = mediationView(c, viewer)
  return seen.access === 'full' ? MEDIATION_STATUS_LABELS[seen.case.status] : seen.status
}

/** 会议纪要: the minutes of each day the matter was on, oldest day first. */
export function minutesOf(slots: AgendaSlot[]): MatterDetail['minutes'] {
  return slots
    .flatMap((s) =>
      s.minutes ? [{ talkDay: s.date, text: s.minutes.text, at: iso(s.minutes.at) }] : [],
    )
    .sort((a, b) => (a.talkDay < b.talkDay ? -1 : a.talkDay > b.talkDay ? 1 : 0))
}

export function toDetail(
  m: Matter,
  parts: DetailParts,
  actor: Actor | null,
  now: Date,
): MatterDetail {
  return {
    ...toSummary(m, now),
    body: m.body,
    photos: m.photos,
    ...(parts.mergedIntoTitle !== undefined ? { mergedIntoTitle: parts.mergedIntoTitle } : {}),
    villageName: parts.villageName,
    decision: m.decision,
    handling: m.handling && {
      ...m.handling,
      assignedAt: iso(m.handling.assignedAt),
      reports: m.handling.reports.map((r) => ({ ...r, at: iso(r.at) })),
    },
    outcome: m.outcome,
    procedure: procedureView(m),
    timeline: parts.timeline.map(toTimelineItem),
    discussion: parts.discussion,
    minutes: minutesOf(parts.slots),
    polls: parts.polls,
    ...(m.ratingEndsAt ? { ratingEndsAt: iso(m.ratingEndsAt) } : {}),
    rating: {
      count: m.rating.count,
      average: m.rating.count ? Math.round((m.rating.sum / m.rating.count) * 10) / 10 : null,
      ratedByMe: !!actor && m.rating.raters.includes(actor.memberId),
    },
    ...(parts.mediationLabel !== undefined
      ? { mediation: { statusLabel: parts.mediationLabel } }
      : {}),
    can: availableActions(actor, m, now),
  }
}
