/** The committee's choices before blowing: its district's and township's departments, and the tiers. */
import type { DepartmentView } from '../../../types/api/whistles'
import { WHISTLE_SCHEMAS } from '../../../domain/township/whistleSchemas'
import { DEFAULT_WHISTLE_TIERS } from '../../../domain/township/whistle'
import { authorize, verifiedActor } from '../../_shared/authorize'
import { fail, handler } from '../../_shared/handler'
import { loadVillage } from '../../_shared/villages'
import { departmentsForVillage, findDistrict } from '../repo'
import { NO_TOWNSHIP } from './blowWhistle'

export const whistleOptions = handler(WHISTLE_SCHEMAS.whistleOptions, async (_input, ctx) => {
  const actor = await verifiedActor(ctx)
  authorize(actor, 'blowWhistle', { villageId: actor.villageId })
  const village = await loadVillage(ctx.db, actor.villageId)
  const { townshipId, districtId } = village
  if (!townshipId || !districtId) fail('CONFLICT', NO_TOWNSHIP)
  const [departments, district] = await Promise.all([
    departmentsForVillage(ctx.db, districtId, townshipId),
    findDistrict(ctx.db, districtId),
  ])
  return {
    departments: departments.map((d): DepartmentView => ({
      id: d._id,
      name: d.name,
      level: d.townshipId ? 'township' : 'district',
      categories: [...d.categories],
    })),
    tiers: (district?.whistleTiers ?? DEFAULT_WHISTLE_TIERS).map((t) => ({
      tier: t.tier,
      label: t.label,
      responseHours: t.responseHours,
    })),
  }
})
