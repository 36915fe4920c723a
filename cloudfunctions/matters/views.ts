/** Stored matters as the screens see them (dates as ISO strings). */
import type {
  MatterDetail,
  MatterSummary,
  ProcedureStepView,
  TimelineItem,
} from '../../types/api/matters'
import type { AuditRecord } from '../../types/model/audit'
import type { Matter, MatterStatus } from '../../types/model/matter'
import type { Actor } from '../../domain/permissions'
import { availableActions } from '../../domain/matters/actions'
import { isOverdue } from '../../domain/matters/rules'
import { CATEGORIES } from '../../domain/matters/categories'
import { PROCEDURE_STEPS, STEP_LABELS } from '../../domain/matters/procedure'
import type { Statement } from '../../types/model/statement'

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

/** Entries whose from/to are not statuses (a category change: its note names both categories). */
const NOT_A_STATUS_CHANGE = new Set(['changeCategory'])

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

export function toDetail(
  m: Matter,
  timeline: AuditRecord[],
  statements: Statement[],
  actor: Actor | null,
  now: Date,
): MatterDetail {
  return {
    ...toSummary(m, now),
    body: m.body,
    photos: m.photos,
    declineReason: m.declineReason,
    mergedInto: m.mergedInto,
    decision: m.decision,
    handling: m.handling && {
      ...m.handling,
      assignedAt: iso(m.handling.assignedAt),
      reports: m.handling.reports.map((r) => ({ ...r, at: iso(r.at) })),
    },
    outcome: m.outcome,
    procedure: procedureView(m),
    timeline: timeline.map(toTimelineItem),
    latestStatements: statements.map((s) => ({
      id: s._id,
      authorName: s.authorName,
      text: s.text,
      at: iso(s.at),
      replyTo: s.replyTo,
    })),
    rating: {
      count: m.rating.count,
      average: m.rating.count ? Math.round((m.rating.sum / m.rating.count) * 10) / 10 : null,
      ratedByMe: !!actor && m.rating.raters.includes(actor.memberId),
    },
    can: availableActions(actor, m, now),
  }
}
