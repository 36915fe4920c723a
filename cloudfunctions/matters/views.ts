/** Stored matters as the screens see them (dates as ISO strings). */
import type { MatterDetail, MatterSummary, TimelineItem } from '../../types/api/matters'
import type { AuditRecord } from '../../types/model/audit'
import type { Matter, MatterStatus } from '../../types/model/matter'
import type { Actor } from '../../domain/permissions'
import { availableActions } from '../../domain/matters/actions'
import { isOverdue } from '../../domain/matters/rules'
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
  }
}

export function toTimelineItem(e: AuditRecord): TimelineItem {
  return {
    at: iso(e.at),
    actorName: e.actorName,
    action: e.action,
    from: e.from as MatterStatus | undefined,
    to: e.to as MatterStatus | undefined,
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
