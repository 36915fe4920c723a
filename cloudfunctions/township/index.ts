// The `township` function (#14): staff above the village, 需求清单 / 服务清单 with two-way
// claiming, the ledger, the dashboards (types/api/township.ts). One handler per action.
import type { TownshipApi } from '../../types/api/township'
import { createMain, type Handlers } from '../_shared/handler'
import { addLedgerProgress } from './handlers/addLedgerProgress'
import { assignPair } from './handlers/assignPair'
import { claimNeed } from './handlers/claimNeed'
import { claimService } from './handlers/claimService'
import { claimStaff } from './handlers/claimStaff'
import { completeLedgerEntry } from './handlers/completeLedgerEntry'
import { confirmClaim } from './handlers/confirmClaim'
import { declineClaim } from './handlers/declineClaim'
import { exportLedger } from './handlers/exportLedger'
import { getDashboard } from './handlers/getDashboard'
import { listLedger } from './handlers/listLedger'
import { listNeeds } from './handlers/listNeeds'
import { listServices } from './handlers/listServices'
import { myStaff } from './handlers/myStaff'
import { offerService } from './handlers/offerService'
import { raiseNeed } from './handlers/raiseNeed'
import { rateLedgerEntry } from './handlers/rateLedgerEntry'
import { withdrawClaim } from './handlers/withdrawClaim'
import { withdrawListing } from './handlers/withdrawListing'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<TownshipApi> = {
  claimStaff,
  myStaff,
  raiseNeed,
  offerService,
  listNeeds,
  listServices,
  claimNeed,
  claimService,
  assignPair,
  confirmClaim,
  declineClaim,
  withdrawClaim,
  withdrawListing,
  listLedger,
  addLedgerProgress,
  completeLedgerEntry,
  rateLedgerEntry,
  exportLedger,
  getDashboard,
}

export const main = createMain<TownshipApi>('township', HANDLERS)
