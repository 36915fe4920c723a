// The `village` function: villages, members, households and persons (the register), roles. One handler per action.
import type { VillageApi } from '../../types/api/village'
import { createMain, type Handlers } from '../_shared/handler'
import { approveMember } from './handlers/approveMember'
import { claimVillage } from './handlers/claimVillage'
import { assignRoles } from './handlers/assignRoles'
import { declineMember } from './handlers/declineMember'
import { getMe } from './handlers/getMe'
import { getVillage } from './handlers/getVillage'
import { importHouseholds } from './handlers/importHouseholds'
import { leaveVillage } from './handlers/leaveVillage'
import { linkPerson } from './handlers/linkPerson'
import { listMembers } from './handlers/listMembers'
import { listPersons } from './handlers/listPersons'
import { listVillages } from './handlers/listVillages'
import { requestJoin } from './handlers/requestJoin'
import { setHouseholdVoter } from './handlers/setHouseholdVoter'
import { setRepresentative } from './handlers/setRepresentative'
import { unlinkPerson } from './handlers/unlinkPerson'
import { updateVillage } from './handlers/updateVillage'
import { whoami } from './handlers/whoami'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<VillageApi> = {
  whoami,
  requestJoin,
  claimVillage,
  getMe,
  listVillages,
  leaveVillage,
  approveMember,
  declineMember,
  assignRoles,
  listMembers,
  importHouseholds,
  getVillage,
  updateVillage,
  listPersons,
  linkPerson,
  unlinkPerson,
  setRepresentative,
  setHouseholdVoter,
}

export const main = createMain<VillageApi>('village', HANDLERS)
