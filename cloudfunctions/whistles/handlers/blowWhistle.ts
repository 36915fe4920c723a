/**
 * 吹哨: the village committee escalates a matter of its village to a department of its district
 * (区直部门) or township (站所), with a tier of the district's response clocks. In one transaction:
 * the matter (read and written — its status and its open whistles are what the rules rely on),
 * the village, the department and the district's tiers read; the whistle created with the next id
 * the matter counts (`<matterId>_w<n>`); its `raised` step on the matter's timeline. Two
 * committee members blowing at once to the same department write the same matter: one whistle.
 * After the commit, the department's subscribed staff are told (../notifyStaff.ts; a failure
 * there is logged, never answered).
 */
import type { Whistle } from '../../../types/model/township'
import { matterSubject } from '../../../domain/matters/actions'
import { STATUS_LABELS } from '../../../domain/matters/lifecycle'
import { dueAtOf } from '../../../domain/township/whistle'
import { WHISTLE_SCHEMAS } from '../../../domain/township/whistleSchemas'
import {
  WHISTLE_AUDIT_ACTION,
  WHISTLE_MATTER_STATUSES,
  whistleStepWords,
} from '../../../domain/township/whistleSteps'
import { audit } from '../../_shared/audit'
import { authorize, NOT_FOUND, refuse, verifiedActor } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { loadMatter, updateMatter } from '../../_shared/matters'
import { loadVillage } from '../../_shared/villages'
import { viewOf } from '../change'
import { notifyWhistleStaff } from '../notifyStaff'
import { createWhistle, findDepartment, findDistrict, whistleId } from '../repo'
import { tierLabelOf } from '../views'

export const NO_TOWNSHIP = '本村还没有编入乡镇（街道），不能吹哨。请联系区里把本村加进来。'
export const NO_DEPARTMENT = { code: 'NOT_FOUND', message: '找不到这个部门。' } as const

export const blowWhistle = handler(WHISTLE_SCHEMAS.blowWhistle, async (input, ctx) => {
  const actor = await verifiedActor(ctx)
  const { whistle, names } = await runTransaction(ctx.db, async (t) => {
    const matter = await loadMatter(t, input.matterId)
    const who = authorize(actor, 'blowWhistle', matterSubject(matter), NOT_FOUND.matter)
    if (!WHISTLE_MATTER_STATUSES.includes(matter.status)) {
      fail('CONFLICT', `这件事现在是“${STATUS_LABELS[matter.status]}”，不能吹哨。`)
    }
    const village = await loadVillage(t, matter.villageId)
    const { townshipId, districtId } = village
    if (!townshipId || !districtId) fail('CONFLICT', NO_TOWNSHIP)
    const [department, district] = await Promise.all([
      findDepartment(t, input.departmentId),
      findDistrict(t, districtId),
    ])
    if (
      !department ||
      department.districtId !== districtId ||
      (department.townshipId !== undefined && department.townshipId !== townshipId)
    ) {
      refuse(NO_DEPARTMENT)
    }
    const setting = district?.whistleTiers.find((s) => s.tier === input.tier)
    if (!setting) fail('INVALID_INPUT', '区里没有设置这一类诉求的时限，请换一类。')
    const open = matter.openWhistles ?? []
    if (open.includes(department._id)) {
      fail('CONFLICT', `已经向${department.name}吹过哨，还没有办结，不能再吹。`)
    }
    const n = (matter.whistleCount ?? 0) + 1
    const created: Whistle = {
      _id: whistleId(matter._id, n),
      districtId,
      townshipId,
      villageId: matter.villageId,
      matterId: matter._id,
      departmentId: department._id,
      tier: setting.tier,
      tierLabel: setting.label,
      responseHours: setting.responseHours,
      note: input.note,
      status: 'raised',
      raisedAt: ctx.now,
      dueAt: dueAtOf(ctx.now, setting.responseHours),
      steps: [
        {
          kind: 'raised',
          at: ctx.now,
          by: who.memberId,
          ...(input.note ? { text: input.note } : {}),
        },
      ],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }
    await createWhistle(t, created)
    await updateMatter(t, matter._id, { whistleCount: n, openWhistles: [...open, department._id] })
    await audit(t, {
      villageId: matter.villageId,
      subjectType: 'matter',
      subjectId: matter._id,
      action: WHISTLE_AUDIT_ACTION.raised,
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      to: 'raised',
      note: whistleStepWords({
        kind: 'raised',
        departmentName: department.name,
        tierLabel: tierLabelOf(created),
        responseHours: setting.responseHours,
        note: input.note,
      }),
    })
    return { whistle: created, names: { title: matter.title, villageName: village.name } }
  })
  // 订阅消息: the department's staff who asked to be told (after the commit; never fails the blow).
  await notifyWhistleStaff(ctx.db, whistle, 'department', ctx.now, names)
  return viewOf(ctx, whistle)
})
