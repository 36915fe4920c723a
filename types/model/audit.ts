/** Every write that changes a matter's or a vote's state leaves one of these (who, when, what). */
export interface AuditRecord {
  _id: string
  /**
   * The village the record belongs to. Above the village (#14) a record no village owns (a
   * service on a township's list, a staff record) carries its unit's id here (township, department
   * or district), and `townshipId` names the township whose lists it is about.
   */
  villageId: string
  townshipId?: string
  /** What was acted on: `matter`, `member`, `statement`, `agenda`, `poll`, … */
  subjectType: string
  subjectId: string
  /** The handler that acted: `acceptMatter`, `approveMember`, … */
  action: string
  /** The member who acted; their OPENID when they are not (yet) a member. */
  actorId: string
  /** Their name at the time, so a timeline reads without another lookup. */
  actorName: string
  at: Date
  from?: string
  to?: string
  note?: string
  /** An edit's text as it was before (the audit keeps what people saw). */
  textBefore?: string
}

/**
 * The audit actions of 吹哨报到 on a matter's timeline (subjectType `matter`, subjectId the matter),
 * one per whistle step: raised, acknowledged (报到), progress, escalated (by the scheduler),
 * resolved, returned. Their note is the step in words (domain/township/whistleSteps.ts).
 */
export type WhistleAuditAction =
  | 'blowWhistle'
  | 'acknowledgeWhistle'
  | 'reportWhistleProgress'
  | 'escalateWhistle'
  | 'resolveWhistle'
  | 'returnWhistle'
