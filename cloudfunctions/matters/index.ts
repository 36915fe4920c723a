// The `matters` function: 民事民提、民事民议、民事民办. One handler per action.
import type { MattersApi } from '../../types/api/matters'
import { createMain } from '../_shared/handler'
import { raiseMatter } from './handlers/raiseMatter'

export const main = createMain<Pick<MattersApi, 'raiseMatter'>>({ raiseMatter })
