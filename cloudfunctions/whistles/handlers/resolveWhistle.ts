/** 办结: the answering unit resolves the whistle with its result; the department is free again. */
import { WHISTLE_SCHEMAS } from '../../../domain/township/whistleSchemas'
import { handler } from '../../_shared/handler'
import { actOnWhistle } from '../change'

export const resolveWhistle = handler(WHISTLE_SCHEMAS.resolveWhistle, (input, ctx) =>
  actOnWhistle(ctx, input.whistleId, 'resolveWhistle', input.text),
)
