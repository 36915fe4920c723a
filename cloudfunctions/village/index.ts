// The `village` function: villages, members, households, roles. One handler per action.
import type { VillageApi } from '../../types/api/village'
import { createMain, type Handlers } from '../_shared/handler'
import { approveMember } from './handlers/approveMember'
import { assignRoles } from './handlers/assignRoles'
import { declineMember } from './handlers/declineMember'
import { getMe } from './handlers/getMe'
import { getVillage } from './handlers/getVillage'
import { importHouseholds } from './handlers/importHouseholds'
import { listMembers } from './handlers/listMembers'
import { listVillages } from './handlers/listVillages'
import { requestJoin } from './handlers/requestJoin'
import { updateVillage } from './handlers/updateVillage'
import { whoami } from './handlers/whoami'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<VillageApi> = {
  whoami,
  requestJoin,
  getMe,
  listVillages,
  approveMember,
  declineMember,
  assignRoles,
  listMembers,
  importHouseholds,
  getVillage,
  updateVillage,
}

export const main = createMain<VillageApi>(HANDLERS)
