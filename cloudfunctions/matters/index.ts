// The `matters` function: 民事民提、民事民议、民事民办. One handler per action.
import type { MattersApi, MattersConsoleApi } from '../../types/api/matters'
import { createMain, type Handlers } from '../_shared/handler'
import { acceptMatter } from './handlers/acceptMatter'
import { assignHandling } from './handlers/assignHandling'
import { changeCategory } from './handlers/changeCategory'
import { closeMatter } from './handlers/closeMatter'
import { declineMatter } from './handlers/declineMatter'
import { getConsole } from './handlers/getConsole'
import { getHome } from './handlers/getHome'
import { getMatter } from './handlers/getMatter'
import { getRunSheet } from './handlers/getRunSheet'
import { listMatters } from './handlers/listMatters'
import { listTimeline } from './handlers/listTimeline'
import { mergeMatter } from './handlers/mergeMatter'
import { moveAgendaItem } from './handlers/moveAgendaItem'
import { openTopic } from './handlers/openTopic'
import { raiseMatter } from './handlers/raiseMatter'
import { rateMatter } from './handlers/rateMatter'
import { recordProcedureStep } from './handlers/recordProcedureStep'
import { recordDecision } from './handlers/recordDecision'
import { recordMinutes } from './handlers/recordMinutes'
import { reorderAgenda } from './handlers/reorderAgenda'
import { reportProgress } from './handlers/reportProgress'
import { resolveMatter } from './handlers/resolveMatter'
import { startDiscussion } from './handlers/startDiscussion'
import { withdrawMatter } from './handlers/withdrawMatter'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<MattersApi & MattersConsoleApi> = {
  raiseMatter,
  openTopic,
  withdrawMatter,
  acceptMatter,
  declineMatter,
  mergeMatter,
  changeCategory,
  recordProcedureStep,
  startDiscussion,
  recordDecision,
  assignHandling,
  reportProgress,
  resolveMatter,
  closeMatter,
  rateMatter,
  moveAgendaItem,
  reorderAgenda,
  recordMinutes,
  getMatter,
  getHome,
  listMatters,
  listTimeline,
  getConsole,
  getRunSheet,
}

export const main = createMain<MattersApi & MattersConsoleApi>('matters', HANDLERS)
