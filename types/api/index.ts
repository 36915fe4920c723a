import type { ActionSpec } from './envelope'
import type { DiscussionApi, DiscussionModerationApi } from './discussion'
import type { MattersApi, MattersConsoleApi } from './matters'
import type { MediationApi } from './mediation'
import type { NotificationsApi } from './notifications'
import type { PollsApi } from './polls'
import type { TownshipApi } from './township'
import type { VillageApi } from './village'
import type { WhistlesApi } from './whistles'

export type { AppError, ErrorCode } from './errors'
export type { ActionSpec, Envelope, FunctionEvent } from './envelope'
export type { VillageApi } from './village'
export type { MattersApi } from './matters'
export type { PollsApi } from './polls'
export type { NotificationsApi } from './notifications'
export type { TownshipApi } from './township'
export type { WhistlesApi } from './whistles'
export type { MediationApi } from './mediation'

/** Every cloud function and its actions: the typed map both sides of the contract import. */
export interface Api {
  village: VillageApi
  matters: MattersApi & MattersConsoleApi
  discussion: DiscussionApi & DiscussionModerationApi
  polls: PollsApi
  notifications: NotificationsApi
  mediation: MediationApi
  township: TownshipApi
  whistles: WhistlesApi
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
type SpecOf<F extends FunctionName, A extends ActionName<F>> =
  Api[F][A] extends ActionSpec<infer Req, infer Res> ? { request: Req; response: Res } : never
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = SpecOf<F, A>['request']
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = SpecOf<F, A>['response']
