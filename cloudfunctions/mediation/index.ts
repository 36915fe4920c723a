// The `mediation` function (#14): the legal officer's mediation cases (types/api/mediation.ts).
// One handler per action.
import type { MediationApi } from '../../types/api/mediation'
import { createMain, type Handlers } from '../_shared/handler'
import { confirmAgreement } from './handlers/confirmAgreement'
import { getMediation } from './handlers/getMediation'
import { listMediations } from './handlers/listMediations'
import { listPartyChoices } from './handlers/listPartyChoices'
import { openMediation } from './handlers/openMediation'
import { proposeAgreement } from './handlers/proposeAgreement'
import { recordFailure } from './handlers/recordFailure'
import { recordMeeting } from './handlers/recordMeeting'
import { referToLegalAid } from './handlers/referToLegalAid'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<MediationApi> = {
  listPartyChoices,
  openMediation,
  getMediation,
  listMediations,
  recordMeeting,
  proposeAgreement,
  confirmAgreement,
  recordFailure,
  referToLegalAid,
}

export const main = createMain<MediationApi>('mediation', HANDLERS)
