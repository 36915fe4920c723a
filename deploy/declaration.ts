/**
 * The one declaration of what a CloudBase environment must hold for Fengsi: every cloud function
 * (runtime, time limit, memory, the environment variables it receives, the WeChat open APIs it
 * calls, its timer triggers), every collection with its indexes (from
 * cloudfunctions/_shared/collections.ts, which the function code and the emulator read too), the
 * database's security rules and the storage's.
 *
 * Everything else is generated from it or checked against it:
 * - `npm run build:functions` writes each function's `config.json` and `package.json` next to its
 *   bundle in `dist-functions/<name>/` (the emulator reads the triggers and time limits there);
 * - `cloudbaserc.json` (for `tcb`) is rendered from it, and a test fails when the committed file
 *   drifts (`npm run deploy -- --write-config` rewrites it);
 * - `npm run deploy` creates the collections, indexes and rules and deploys the functions.
 *
 * Plain data, no platform import: the deploy scripts, the tests and the build all read it.
 */
import { COLLECTIONS, type CollectionDeclaration } from '../cloudfunctions/_shared/collections'

/** CloudBase's Node.js runtime for every function (it cannot change once a function exists). */
export const RUNTIME = 'Nodejs20.19'

/** The esbuild target matching RUNTIME. */
export const BUNDLE_TARGET = 'node20'

/**
 * WeChat's server SDK, for the open APIs only (content checks, subscription messages). It is not
 * bundled: functions that call open APIs list it in their package.json and CloudBase installs it
 * (`installDependency: true`); it is loaded lazily, only in the `wechat` adapters.
 */
export const WX_SERVER_SDK = { name: 'wx-server-sdk', version: '4.0.2' } as const

/** Where the built functions go (project.config.json's `cloudfunctionRoot`, cloudbaserc's `functionRoot`). */
export const FUNCTIONS_OUT_DIR = 'dist-functions'

export interface EnvVariable {
  readonly name: string
  /** A deploy refuses to run when a required variable is unset. */
  readonly required: boolean
  /** Never printed (dry runs show `<set>` / `<unset>`). */
  readonly secret: boolean
  readonly about: string
}

export interface TimerTrigger {
  readonly name: string
  readonly type: 'timer'
  /** CloudBase's 7-field cron: second minute hour day month weekday year (UTC+8). */
  readonly config: string
}

export interface FunctionDeclaration {
  readonly name: string
  /** The bundle's package.json description: what the function does. */
  readonly about: string
  /** Seconds (CloudBase: 1–900; 3 by default). */
  readonly timeout: number
  /** MB (128–3072, a multiple of 128). */
  readonly memorySize: number
  /** WeChat open APIs the function calls through wx-server-sdk (config.json `permissions.openapi`). */
  readonly openapi: readonly string[]
  readonly env: readonly EnvVariable[]
  readonly triggers: readonly TimerTrigger[]
}

export const BALLOT_SECRET: EnvVariable = {
  name: 'POLLS_BALLOT_SECRET',
  required: true,
  secret: true,
  about:
    'The HMAC key ballot ids are made with (32+ characters). Never committed; never changed while a poll is open.',
}

/**
 * Set by `npm run deploy` itself, on every function, to the version deployed (package.json). It
 * keeps each function's variables from ever being empty: manager-node sends no variables at all
 * when none is set, and CloudBase then keeps the old ones — so a variable once set (say
 * FENGSI_CONTENT_CHECK=local) could never be removed by a deploy. With this one always sent, every
 * deploy replaces the whole set.
 */
export const RELEASE: EnvVariable = {
  name: 'FENGSI_RELEASE',
  required: false,
  secret: false,
  about:
    'Set by npm run deploy to the version deployed (package.json); not to be set by hand. It keeps every function’s variables non-empty, so each deploy replaces them whole.',
}

const CONTENT_CHECK: readonly EnvVariable[] = [
  {
    name: 'FENGSI_CONTENT_CHECK',
    required: false,
    secret: false,
    about:
      'local | wechat; unset: wechat in CloudBase (security.msgSecCheck), local in the emulator.',
  },
]

/** The subscription-message template ids, as registered in the mini-program's console. */
export const TEMPLATE_VARIABLES = [
  'FENGSI_TMPL_MATTER_RAISED',
  'FENGSI_TMPL_JOIN_REQUESTED',
  'FENGSI_TMPL_RESPONSE_DUE',
  'FENGSI_TMPL_MATTER_ANSWERED',
  'FENGSI_TMPL_POLL_RESULT',
  'FENGSI_TMPL_WHISTLE',
] as const

const NOTIFY: readonly EnvVariable[] = [
  {
    name: 'FENGSI_NOTIFY',
    required: false,
    secret: false,
    about:
      'outbox | wechat; unset: wechat in CloudBase, outbox in the emulator. wechat sends subscription messages (subscribeMessage.send).',
  },
  {
    name: 'FENGSI_MP_STATE',
    required: false,
    secret: false,
    about: 'formal | trial | developer: which version of the mini-program a message opens.',
  },
  ...TEMPLATE_VARIABLES.map((name): EnvVariable => ({
    name,
    required: false,
    secret: false,
    about:
      'A subscription-message template id (the same as the app build’s TARO_APP_TMPL_*), optionally followed by field mappings ours=theirs (docs/deploy.md, step 8).',
  })),
]

export const FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: 'discussion',
    about:
      '逢四说事: 民事民议 — statements and replies on a matter, reports and moderation. Checks every text with security.msgSecCheck in CloudBase.',
    timeout: 10,
    memorySize: 256,
    openapi: ['security.msgSecCheck'],
    env: [RELEASE, ...CONTENT_CHECK],
    triggers: [],
  },
  {
    name: 'matters',
    about:
      '逢四说事: matters from raising to closing, agendas, handling and ratings, the committee’s console.',
    timeout: 10,
    memorySize: 256,
    openapi: ['security.msgSecCheck', 'subscribeMessage.send'],
    env: [RELEASE, ...CONTENT_CHECK, ...NOTIFY],
    triggers: [],
  },
  {
    name: 'mediation',
    about:
      '逢四说事: 调解 — the legal officer’s mediation cases, seen only by the parties, the officer and the committee.',
    timeout: 10,
    memorySize: 256,
    openapi: [],
    env: [RELEASE],
    triggers: [],
  },
  {
    name: 'notifications',
    about:
      '逢四说事: subscription messages — records what a member or a staff member allowed in WeChat’s dialog.',
    timeout: 10,
    memorySize: 256,
    openapi: [],
    env: [RELEASE],
    triggers: [],
  },
  {
    name: 'polls',
    about:
      '逢四说事: polls (民事民决) — drafts, the frozen electorate, secret ballots, counts by 村民委员会组织法 and their digest.',
    timeout: 10,
    memorySize: 256,
    openapi: ['subscribeMessage.send'],
    env: [RELEASE, BALLOT_SECRET, ...NOTIFY],
    triggers: [],
  },
  {
    name: 'scheduler',
    about:
      '逢四说事: timer-triggered work — counts polls once their closing time has passed, reminds committees of response deadlines and escalates whistles past their clock (every minute).',
    timeout: 60,
    memorySize: 256,
    openapi: ['subscribeMessage.send'],
    env: [RELEASE, ...NOTIFY],
    triggers: [{ name: 'closePolls', type: 'timer', config: '30 * * * * * *' }],
  },
  {
    name: 'township',
    about:
      '逢四说事: above the village — staff of townships and departments, 需求清单 and 服务清单 with two-way claiming, the ledger.',
    timeout: 10,
    memorySize: 256,
    openapi: [],
    env: [RELEASE],
    triggers: [],
  },
  {
    name: 'village',
    about: '逢四说事: villages, members, households and persons (the register), roles.',
    timeout: 20,
    memorySize: 256,
    openapi: ['subscribeMessage.send'],
    env: [RELEASE, ...NOTIFY],
    triggers: [],
  },
  {
    name: 'whistles',
    about:
      '逢四说事: 吹哨报到 — a matter escalated to a department, its response clock, 报到 and progress.',
    timeout: 10,
    memorySize: 256,
    openapi: ['subscribeMessage.send'],
    env: [RELEASE, ...NOTIFY],
    triggers: [],
  },
]

/** Every collection keeps clients out: the mini-program reaches data only through functions. */
export const DATABASE_ACL = 'ADMINONLY' as const

export const COLLECTIONS_DECLARED: readonly CollectionDeclaration[] = COLLECTIONS

/**
 * Storage rules (CloudBase's custom rule JSON): photos are readable by every signed-in user and
 * written only by their uploader, through the app's upload path (`Taro.cloud.uploadFile`, the
 * file's owner is the caller); nobody deletes or overwrites another's file.
 */
export const STORAGE_RULE = {
  read: 'auth != null',
  write: 'auth != null && resource.openid == auth.openid',
} as const

export const functionDeclaration = (name: string): FunctionDeclaration => {
  const found = FUNCTIONS.find((f) => f.name === name)
  if (!found) throw new Error(`no function named ${name} is declared in deploy/declaration.ts`)
  return found
}
