// The `whistles` function (#14): 吹哨报到 (types/api/whistles.ts). One handler per action, filled
// in as they land; the scheduler records escalations by the clock.
import type { WhistlesApi } from '../../types/api/whistles'
import { createMain, type Handlers } from '../_shared/handler'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<Pick<WhistlesApi, never>> = {}

export const main = createMain('whistles', HANDLERS)
