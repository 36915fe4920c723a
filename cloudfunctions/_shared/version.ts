// The project's version, written into each bundle by the build (scripts/build-functions.ts);
// `dev` when the source runs unbundled (unit tests).
declare const __FENGSI_VERSION__: string | undefined

export const FUNCTION_VERSION: string =
  typeof __FENGSI_VERSION__ === 'string' ? __FENGSI_VERSION__ : 'dev'
