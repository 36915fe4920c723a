// The `township` function (#14): staff above the village, 需求清单 / 服务清单 with two-way
// claiming, the ledger (types/api/township.ts). One handler per action, filled in as they land.
import type { TownshipApi } from '../../types/api/township'
import { createMain, type Handlers } from '../_shared/handler'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<Pick<TownshipApi, never>> = {}

export const main = createMain('township', HANDLERS)
