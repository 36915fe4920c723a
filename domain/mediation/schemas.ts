/**
 * The input of every `mediation` action (types/api/mediation.ts). The mini-program's forms check
 * with the same schemas before sending; the function checks again. Who is acting is never part of
 * a payload: a party confirms as the caller the platform names.
 */
import * as v from 'valibot'
import type { MediationApi } from '../../types/api/mediation'
import type { MediationStatus } from '../../types/model/township'
import { id, optionalText, payload, text } from '../shared/validate'
import { MEDIATION_LIMITS, MEDIATION_STATUS_LABELS } from './rules'

/** The most cases listMediations answers (a village has few; paging is left for when one has more). */
export const MEDIATION_LIST_LIMIT = 50

const matterId = id('事项编号')
const caseId = id('调解编号')

/** An instant as the app sends it: an ISO 8601 timestamp. */
const instant = (label: string) =>
  v.pipe(
    v.string(`${label}不对`),
    v.isoTimestamp(`${label}不对`),
    v.check((s) => !Number.isNaN(new Date(s).getTime()), `${label}不对`),
  )

const status = v.picklist(Object.keys(MEDIATION_STATUS_LABELS) as MediationStatus[], '调解状态不对')

type Schemas = {
  [A in keyof MediationApi]: v.GenericSchema<unknown, MediationApi[A]['request']>
}

export const MEDIATION_SCHEMAS = {
  listPartyChoices: payload({ matterId }),
  openMediation: payload({
    matterId,
    partyIds: v.pipe(
      v.array(id('当事人'), '请选择当事人'),
      v.maxLength(MEDIATION_LIMITS.parties, `一起调解最多 ${MEDIATION_LIMITS.parties} 位当事人。`),
    ),
  }),
  getMediation: payload({ matterId }),
  listMediations: payload({ status: v.optional(status) }),
  recordMeeting: payload({
    caseId,
    at: instant('调解会的时间'),
    place: text('调解地点', MEDIATION_LIMITS.place),
    notes: text('调解记录', MEDIATION_LIMITS.notes, { multiline: true }),
  }),
  proposeAgreement: payload({
    caseId,
    text: text('调解协议', MEDIATION_LIMITS.agreement, { multiline: true }),
  }),
  confirmAgreement: payload({ caseId, proposedAt: instant('调解协议的版本') }),
  recordFailure: payload({
    caseId,
    note: optionalText('调解未成的说明', MEDIATION_LIMITS.failureNote, { multiline: true }),
  }),
  referToLegalAid: payload({
    caseId,
    to: text('转往的法律援助机构', MEDIATION_LIMITS.referredTo),
    note: optionalText('转介说明', MEDIATION_LIMITS.referralNote, { multiline: true }),
  }),
} satisfies Schemas
