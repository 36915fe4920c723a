// Function tests run the BUNDLED functions, as deployed: build them once before the suite.
import { buildFunctions } from '../../../scripts/build-functions'

export default async function globalSetup(): Promise<void> {
  await buildFunctions()
}
