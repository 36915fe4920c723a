// The `whistles` function (#14): 吹哨报到 (types/api/whistles.ts). One handler per action; the
// scheduler records escalations by the clock (cloudfunctions/scheduler/escalations.ts).
import type { WhistlesApi } from '../../types/api/whistles'
import { createMain, type Handlers } from '../_shared/handler'
import { acknowledgeWhistle } from './handlers/acknowledgeWhistle'
import { blowWhistle } from './handlers/blowWhistle'
import { listWhistles } from './handlers/listWhistles'
import { matterWhistles } from './handlers/matterWhistles'
import { reportWhistleProgress } from './handlers/reportWhistleProgress'
import { resolveWhistle } from './handlers/resolveWhistle'
import { returnWhistle } from './handlers/returnWhistle'
import { whistleOptions } from './handlers/whistleOptions'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<WhistlesApi> = {
  whistleOptions,
  blowWhistle,
  listWhistles,
  matterWhistles,
  acknowledgeWhistle,
  reportWhistleProgress,
  resolveWhistle,
  returnWhistle,
}

export const main = createMain<WhistlesApi>('whistles', HANDLERS)
