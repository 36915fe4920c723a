/**
 * The input of every `whistles` action (the mini-program's forms check with the same schemas).
 * Free text goes through the one normalisation (domain/shared/text.ts).
 */
import * as v from 'valibot'
import type { WhistlesApi } from '../../types/api/whistles'
import type { WhistleStatus } from '../../types/model/township'
import { cursor, id, optionalText, payload, text } from '../shared/validate'
import { WHISTLE_TIERS } from './whistle'
import { WHISTLE_STATUS_LABELS } from './whistleSteps'

export const WHISTLE_LIMITS = { note: 500, text: 1000, reason: 200 } as const

const whistleId = id('吹哨编号')

type Schemas = {
  [A in keyof WhistlesApi]: v.GenericSchema<unknown, WhistlesApi[A]['request']>
}

export const WHISTLE_SCHEMAS = {
  whistleOptions: payload({}),
  blowWhistle: payload({
    matterId: id('事项编号'),
    departmentId: id('部门'),
    tier: v.picklist(WHISTLE_TIERS, '请选择诉求类别'),
    note: optionalText('说明', WHISTLE_LIMITS.note, { multiline: true }),
  }),
  listWhistles: payload({
    status: v.optional(
      v.picklist(Object.keys(WHISTLE_STATUS_LABELS) as WhistleStatus[], '状态不对'),
    ),
    cursor: cursor(),
    staffId: v.optional(id('工作人员编号')),
  }),
  matterWhistles: payload({ matterId: id('事项编号') }),
  acknowledgeWhistle: payload({ whistleId }),
  reportWhistleProgress: payload({
    whistleId,
    text: text('进展', WHISTLE_LIMITS.text, { multiline: true }),
  }),
  resolveWhistle: payload({
    whistleId,
    text: text('办理结果', WHISTLE_LIMITS.text, { multiline: true }),
  }),
  returnWhistle: payload({
    whistleId,
    reason: text('退回理由', WHISTLE_LIMITS.reason),
  }),
} satisfies Schemas
