/**
 * 服务: a township's staff put a service on its list, offered by an organisation, an enterprise or
 * a working party member (the staff member registers it and acts for it: claims needs with it,
 * confirms the villages' claims on it).
 */
import { newService } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { audit } from '../../_shared/audit'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { knownCaller, ownTownshipStaff, townshipOf } from '../callers'
import { addService } from '../repo'
import { serviceView } from '../views'

export const offerService = handler(TOWNSHIP_SCHEMAS.offerService, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const staffer = ownTownshipStaff(caller, input.townshipId)
  const unit = townshipOf(staffer)
  const service = newService(input, unit, staffer._id, ctx.now)
  const id = await runTransaction(ctx.db, async (t) => {
    const serviceId = await addService(t, service)
    await audit(t, {
      villageId: unit.townshipId,
      townshipId: unit.townshipId,
      subjectType: 'service',
      subjectId: serviceId,
      action: 'offerService',
      actorId: staffer._id,
      actorName: staffer.name,
      at: ctx.now,
      to: service.status,
    })
    return serviceId
  })
  return serviceView({ ...service, _id: id })
})
