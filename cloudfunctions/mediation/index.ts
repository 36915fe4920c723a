// The `mediation` function (#14): the legal officer's mediation cases (types/api/mediation.ts).
// One handler per action, filled in as they land.
import type { MediationApi } from '../../types/api/mediation'
import { createMain, type Handlers } from '../_shared/handler'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<Pick<MediationApi, never>> = {}

export const main = createMain('mediation', HANDLERS)
