// The real deploy code (deploy/deploy.ts) against a recording stand-in of a CloudBase environment
// (deploy/standIn.ts): what it asks for, in order, compared with plans written here by hand.
import { deploy, DeployFailed, DeployRefused, type DeployOptions } from '../../deploy/deploy'
import { describeCall } from '../../deploy/calls'
import { StandInCloud, type StandInState } from '../../deploy/standIn'
import type { DeployedFunction, FunctionSpec } from '../../deploy/ports'

const SECRET = 'ballot-key-0123456789abcdef0123456789abcdef'
const OLD_SECRET = 'old-ballot-key-0123456789abcdef0123456789'
const ROOT = '/fengsi/dist-functions'

const ENV = {
  POLLS_BALLOT_SECRET: SECRET,
  FENGSI_NOTIFY: 'wechat',
  FENGSI_MP_STATE: 'formal',
  FENGSI_TMPL_POLL_RESULT: 'tmpl-poll-result',
}

const options = (env: Record<string, string | undefined> = ENV): DeployOptions => ({
  envId: 'fengsi-prod-1a2b',
  functionRoot: ROOT,
  env,
  log: () => undefined,
  release: '9.9.9',
})

const run = async (state: StandInState = {}, env?: Record<string, string | undefined>) => {
  const cloud = new StandInCloud(state)
  const outcome = await deploy(cloud.ports(), options(env)).then(
    () => undefined,
    (e: unknown) => e,
  )
  return { cloud, outcome, plan: cloud.calls.map((c) => describeCall(c)) }
}

const COLLECTIONS = [
  'villages',
  'members',
  'households',
  'persons',
  'matters',
  'agendas',
  'agendaSlots',
  'statements',
  'statementReports',
  'postingWindows',
  'ratings',
  'auditLogs',
  'polls',
  'ballots',
  'pollVoters',
  'proxyCounters',
  'subscriptions',
  'outbox',
  'districts',
  'townships',
  'departments',
  'staff',
  'needs',
  'services',
  'ledger',
  'whistles',
  'mediations',
  'rollups',
]

const NOTIFY_ENV =
  'FENGSI_NOTIFY=wechat, FENGSI_MP_STATE=formal, FENGSI_TMPL_POLL_RESULT=tmpl-poll-result'

/** Every index the environment must have, as asked for on a fresh one. */
const CREATE_INDEXES = [
  'database.describeCollection villages',
  'database.updateCollection villages create inviteCode(inviteCode 1, unique) founding_codeHash(founding.codeHash 1) name(name 1) townshipId(townshipId 1) districtId(districtId 1)',
  'database.describeCollection members',
  'database.updateCollection members create openid_villageId(openid 1, villageId 1, unique) villageId_status(villageId 1, status 1) villageId_requestedAt(villageId 1, requestedAt 1)',
  'database.describeCollection households',
  'database.updateCollection households create villageId_number(villageId 1, number 1, unique)',
  'database.describeCollection persons',
  'database.updateCollection persons create villageId_householdId(villageId 1, householdId 1) villageId_createdAt(villageId 1, createdAt 1)',
  'database.describeCollection matters',
  'database.updateCollection matters create villageId_raisedAt(villageId 1, raisedAt -1) villageId_status(villageId 1, status 1) villageId_talkDay(villageId 1, talkDay 1) villageId_urgent_raisedAt(villageId 1, urgent 1, raisedAt -1) raisedBy(raisedBy 1) status_respondBy(status 1, respondBy 1)',
  'database.describeCollection agendas',
  'database.updateCollection agendas create villageId_date(villageId 1, date 1, unique)',
  'database.describeCollection agendaSlots',
  'database.updateCollection agendaSlots create villageId_date(villageId 1, date 1) matterId(matterId 1)',
  'database.describeCollection statements',
  'database.updateCollection statements create matterId_at(matterId 1, at -1) authorId_at(authorId 1, at -1) villageId_hidden(villageId 1, hidden 1)',
  'database.describeCollection statementReports',
  'database.updateCollection statementReports create statementId_at(statementId 1, at 1) villageId(villageId 1)',
  // postingWindows has no index: not described
  'database.describeCollection ratings',
  'database.updateCollection ratings create matterId(matterId 1)',
  'database.describeCollection auditLogs',
  'database.updateCollection auditLogs create subjectId_at(subjectId 1, at 1) villageId_at(villageId 1, at -1)',
  'database.describeCollection polls',
  'database.updateCollection polls create matterId_createdAt(matterId 1, createdAt -1) status_closesAt(status 1, closesAt 1) villageId_status(villageId 1, status 1)',
  'database.describeCollection ballots',
  'database.updateCollection ballots create pollId(pollId 1)',
  'database.describeCollection pollVoters',
  'database.updateCollection pollVoters create pollId_personId(pollId 1, personId 1) personId(personId 1)',
  'database.describeCollection proxyCounters',
  'database.updateCollection proxyCounters create pollId(pollId 1)',
  'database.describeCollection subscriptions',
  'database.updateCollection subscriptions create villageId_topic_subjectId(villageId 1, topic 1, subjectId 1) topic_subjectId(topic 1, subjectId 1)',
  'database.describeCollection outbox',
  'database.updateCollection outbox create status_createdAt(status 1, createdAt 1) villageId_createdAt(villageId 1, createdAt -1)',
  'database.describeCollection districts',
  'database.updateCollection districts create name(name 1)',
  'database.describeCollection townships',
  'database.updateCollection townships create districtId(districtId 1)',
  'database.describeCollection departments',
  'database.updateCollection departments create districtId_name(districtId 1, name 1) townshipId_name(townshipId 1, name 1)',
  'database.describeCollection staff',
  'database.updateCollection staff create openid(openid 1) founding_codeHash(founding.codeHash 1)',
  'database.describeCollection needs',
  'database.updateCollection needs create townshipId_status_createdAt(townshipId 1, status 1, createdAt -1) townshipId_createdAt(townshipId 1, createdAt -1) villageId_createdAt(villageId 1, createdAt -1)',
  'database.describeCollection services',
  'database.updateCollection services create townshipId_status_createdAt(townshipId 1, status 1, createdAt -1) townshipId_createdAt(townshipId 1, createdAt -1)',
  'database.describeCollection ledger',
  'database.updateCollection ledger create townshipId_month(townshipId 1, month 1) villageId_month(villageId 1, month 1)',
  'database.describeCollection whistles',
  'database.updateCollection whistles create matterId_raisedAt(matterId 1, raisedAt 1) departmentId_status_dueAt(departmentId 1, status 1, dueAt 1) townshipId_status_dueAt(townshipId 1, status 1, dueAt 1) status_dueAt(status 1, dueAt 1)',
  'database.describeCollection mediations',
  'database.updateCollection mediations create matterId(matterId 1, unique) villageId_createdAt(villageId 1, createdAt -1)',
  'database.describeCollection rollups',
  'database.updateCollection rollups create villageId_month(villageId 1, month 1)',
]

const DATABASE_SETUP = (indexes: string[]) => [
  ...COLLECTIONS.map((c) => `database.createCollectionIfNotExists ${c}`),
  'data.migrateInviteCodes (node-sdk: villages without an inviteCode get one)',
  ...indexes,
  ...COLLECTIONS.map(
    (c) =>
      `commonService.call ModifyDatabaseACL {"EnvId":"fengsi-prod-1a2b","CollectionName":"${c}","AclTag":"ADMINONLY"}`,
  ),
  'storage.setStorageAcl CUSTOM {"read":"auth != null","write":"auth != null && resource.openid == auth.openid"}',
]

const CHECKS = [
  'functions.getFunctionDetail discussion',
  'functions.getFunctionDetail matters',
  'functions.getFunctionDetail mediation',
  'functions.getFunctionDetail notifications',
  'functions.getFunctionDetail polls',
  'functions.getFunctionDetail scheduler',
  'functions.getFunctionDetail township',
  'functions.getFunctionDetail village',
  'functions.getFunctionDetail whistles',
]

const FRESH_PLAN = [
  'build',
  'functions.getFunctionDetail polls',
  ...DATABASE_SETUP(CREATE_INDEXES),
  'functions.getFunctionDetail discussion',
  `functions.createFunction discussion runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9} triggers=[] code=${ROOT}/discussion`,
  'functions.getFunctionDetail matters',
  `functions.createFunction matters runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9, ${NOTIFY_ENV}} triggers=[] code=${ROOT}/matters`,
  'functions.getFunctionDetail mediation',
  `functions.createFunction mediation runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=false env={FENGSI_RELEASE=9.9.9} triggers=[] code=${ROOT}/mediation`,
  'functions.getFunctionDetail notifications',
  `functions.createFunction notifications runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=false env={FENGSI_RELEASE=9.9.9} triggers=[] code=${ROOT}/notifications`,
  'functions.getFunctionDetail polls',
  `functions.createFunction polls runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9, POLLS_BALLOT_SECRET=<set>, ${NOTIFY_ENV}} triggers=[] code=${ROOT}/polls`,
  'functions.getFunctionDetail scheduler',
  `functions.createFunction scheduler runtime=Nodejs20.19 handler=index.main timeout=60s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9, ${NOTIFY_ENV}} triggers=[closePolls timer "30 * * * * * *"] code=${ROOT}/scheduler`,
  'functions.getFunctionDetail township',
  `functions.createFunction township runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=false env={FENGSI_RELEASE=9.9.9} triggers=[] code=${ROOT}/township`,
  'functions.getFunctionDetail village',
  `functions.createFunction village runtime=Nodejs20.19 handler=index.main timeout=20s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9, ${NOTIFY_ENV}} triggers=[] code=${ROOT}/village`,
  'functions.getFunctionDetail whistles',
  `functions.createFunction whistles runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9, ${NOTIFY_ENV}} triggers=[] code=${ROOT}/whistles`,
  ...CHECKS,
]

/** On an environment deployed before: every function's code, then its whole configuration. */
const UPDATE = (name: string, spec: string, installDependency = true) => [
  `functions.getFunctionDetail ${name}`,
  `functions.updateFunctionCode ${name} code=${ROOT}/${name} installDependency=${installDependency}`,
  `functions.waitFunctionActive ${name}`,
  `functions.updateFunctionConfig ${name} ${spec}`,
  `functions.waitFunctionActive ${name}`,
]

const SECOND_RUN_FUNCTIONS = [
  ...UPDATE(
    'discussion',
    'runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9}',
  ),
  ...UPDATE(
    'matters',
    `runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9, ${NOTIFY_ENV}}`,
  ),
  ...UPDATE(
    'mediation',
    'runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=false env={FENGSI_RELEASE=9.9.9}',
    false,
  ),
  ...UPDATE(
    'notifications',
    'runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=false env={FENGSI_RELEASE=9.9.9}',
    false,
  ),
  ...UPDATE(
    'polls',
    `runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9, POLLS_BALLOT_SECRET=<set>, ${NOTIFY_ENV}}`,
  ),
  // its timer is there already: not created again
  ...UPDATE(
    'scheduler',
    `runtime=Nodejs20.19 handler=index.main timeout=60s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9, ${NOTIFY_ENV}}`,
  ),
  ...UPDATE(
    'township',
    'runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=false env={FENGSI_RELEASE=9.9.9}',
    false,
  ),
  ...UPDATE(
    'village',
    `runtime=Nodejs20.19 handler=index.main timeout=20s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9, ${NOTIFY_ENV}}`,
  ),
  ...UPDATE(
    'whistles',
    `runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9, ${NOTIFY_ENV}}`,
  ),
]

const snapshotOf = (cloud: StandInCloud): StandInState => ({
  collections: Object.fromEntries(cloud.collections),
  functions: Object.fromEntries(cloud.functions),
})

const deployed = (
  spec: Partial<DeployedFunction> & { FunctionName: string },
): DeployedFunction => ({
  Status: 'Active',
  Runtime: 'Nodejs20.19',
  Handler: 'index.main',
  Timeout: 10,
  MemorySize: 256,
  InstallDependency: 'TRUE',
  Environment: { Variables: [] },
  Triggers: [],
  ...spec,
})

describe('npm run deploy', () => {
  it('refuses without the ballot key, and asks nothing of anyone', async () => {
    const { cloud, outcome } = await run({}, { ...ENV, POLLS_BALLOT_SECRET: undefined })
    expect(outcome).toBeInstanceOf(DeployRefused)
    expect((outcome as DeployRefused).code).toBe('BALLOT_SECRET_MISSING')
    expect(cloud.calls).toEqual([])
  })

  it('refuses a ballot key shorter than 32 characters, and asks nothing of anyone', async () => {
    const { cloud, outcome } = await run({}, { ...ENV, POLLS_BALLOT_SECRET: 'x'.repeat(31) })
    expect((outcome as DeployRefused).code).toBe('BALLOT_SECRET_SHORT')
    expect((outcome as DeployRefused).message).toContain('31 characters')
    expect(cloud.calls).toEqual([])
  })

  it('deploys a fresh environment as planned, the ballot key and variables only where declared', async () => {
    const { cloud, outcome, plan } = await run()
    expect(outcome).toBeUndefined()
    expect(plan).toEqual(FRESH_PLAN)
    // The real key reaches the polls function (the plan shows it as <set>) and no other.
    const created = cloud.calls
      .filter((c) => c.op === 'functions.createFunction')
      .map((c) => (c.args[0] as { func: FunctionSpec }).func)
    expect(created.find((f) => f.name === 'polls')?.envVariables.POLLS_BALLOT_SECRET).toBe(SECRET)
    expect(
      created.filter((f) => 'POLLS_BALLOT_SECRET' in f.envVariables).map((f) => f.name),
    ).toEqual(['polls'])
    expect(Object.fromEntries(cloud.acl)).toEqual(
      Object.fromEntries(COLLECTIONS.map((c) => [c, 'ADMINONLY'])),
    )
  })

  it('a second run asks for no index, collection or trigger it has, and updates every function', async () => {
    const first = await run()
    const { outcome, plan } = await run(snapshotOf(first.cloud))
    expect(outcome).toBeUndefined()
    expect(plan).toEqual([
      'build',
      'functions.getFunctionDetail polls',
      // same key: no need to count open polls
      ...DATABASE_SETUP(CREATE_INDEXES.filter((c) => c.startsWith('database.describeCollection'))),
      ...SECOND_RUN_FUNCTIONS,
      ...CHECKS,
    ])
  })

  it('creates only the indexes that are missing', async () => {
    const { plan } = await run({
      collections: {
        households: [
          { Name: '_id_', Unique: true, Keys: [{ Name: '_id', Direction: '1' }] },
          {
            Name: 'villageId_number',
            Unique: true,
            Keys: [
              { Name: 'villageId', Direction: '1' },
              { Name: 'number', Direction: '1' },
            ],
          },
        ],
        members: [{ Name: 'openid', Unique: true, Keys: [{ Name: 'openid', Direction: '1' }] }],
      },
    })
    expect(
      plan.filter((l) => / (households|members)( |$)/.test(l) && l.startsWith('database.')),
    ).toEqual([
      'database.createCollectionIfNotExists members',
      'database.createCollectionIfNotExists households',
      'database.describeCollection members',
      'database.updateCollection members create openid_villageId(openid 1, villageId 1, unique) villageId_status(villageId 1, status 1) villageId_requestedAt(villageId 1, requestedAt 1)',
      // the release before #14's one-membership index, after its replacement exists
      'database.updateCollection members drop openid',
      'database.describeCollection households',
    ])
  })

  it('drops a declared obsolete index only while it exists: the old unique openid goes once', async () => {
    const older = {
      collections: {
        members: [
          { Name: '_id_', Unique: true, Keys: [{ Name: '_id', Direction: '1' }] },
          { Name: 'openid', Unique: true, Keys: [{ Name: 'openid', Direction: '1' }] },
        ],
      },
    }
    const first = await run(older)
    expect(first.outcome).toBeUndefined()
    expect(first.cloud.collections.get('members')?.map((i) => i.Name)).toEqual([
      '_id_',
      'openid_villageId',
      'villageId_status',
      'villageId_requestedAt',
    ])
    const second = await run(snapshotOf(first.cloud))
    expect(second.plan.filter((l) => l.startsWith('database.updateCollection'))).toEqual([])
  })

  it('fails, before any security rule or function, when an index exists with other keys', async () => {
    const { outcome, plan } = await run({
      collections: {
        members: [
          {
            Name: 'openid_villageId',
            Unique: false,
            Keys: [
              { Name: 'openid', Direction: '1' },
              { Name: 'villageId', Direction: '1' },
            ],
          },
        ],
      },
    })
    expect(outcome).toBeInstanceOf(DeployFailed)
    expect((outcome as DeployFailed).problems).toEqual([
      'members: index openid_villageId exists with other keys or uniqueness than declared; drop it in the CloudBase console and deploy again',
    ])
    expect(
      plan.some((l) => l.startsWith('commonService') || l.startsWith('functions.create')),
    ).toBe(false)
  })

  describe('the invite-code migration and the unique inviteCode index', () => {
    const older: StandInState = { collections: { villages: [] }, villagesWithoutInviteCode: 3 }

    it('gives older villages their code before the unique index is created', async () => {
      const { cloud, outcome, plan } = await run(older)
      expect(outcome).toBeUndefined()
      const migration = plan.indexOf(
        'data.migrateInviteCodes (node-sdk: villages without an inviteCode get one)',
      )
      const index = plan.findIndex((l) =>
        l.startsWith('database.updateCollection villages create inviteCode('),
      )
      expect(migration).toBeGreaterThan(
        plan.indexOf('database.createCollectionIfNotExists villages'),
      )
      expect(migration).toBeLessThan(index)
      expect(cloud.villagesWithoutInviteCode).toBe(0)
    })

    it('(the stand-in refuses the index while two villages have no code, as MongoDB does)', async () => {
      const cloud = new StandInCloud(older)
      const index = {
        CreateIndexes: [
          {
            IndexName: 'inviteCode',
            MgoKeySchema: {
              MgoIsUnique: true,
              MgoIndexKeys: [{ Name: 'inviteCode', Direction: '1' }],
            },
          },
        ],
      }
      await expect(
        cloud.ports().manager.database.updateCollection('villages', index),
      ).rejects.toThrow('E11000')
    })
  })

  describe('the ballot key guard', () => {
    const pollsWith = (secret: string, openPolls: number): StandInState => ({
      functions: {
        polls: deployed({
          FunctionName: 'polls',
          Environment: { Variables: [{ Key: 'POLLS_BALLOT_SECRET', Value: secret }] },
        }),
      },
      openPolls,
    })

    it('refuses a new key while a poll is open, and changes nothing', async () => {
      const { cloud, outcome, plan } = await run(pollsWith(OLD_SECRET, 1))
      expect(outcome).toBeInstanceOf(DeployRefused)
      expect((outcome as DeployRefused).code).toBe('BALLOT_KEY_CHANGE_WHILE_OPEN')
      expect((outcome as DeployRefused).message).toContain('1 poll(s) are open')
      expect(plan).toEqual([
        'build',
        'functions.getFunctionDetail polls',
        "data.countOpenPolls (node-sdk: polls where status == 'open')",
      ])
      expect(cloud.functions.get('polls')?.Environment?.Variables).toEqual([
        { Key: 'POLLS_BALLOT_SECRET', Value: OLD_SECRET },
      ])
    })

    it('lets the key change when no poll is open, and deploys it', async () => {
      const { cloud, outcome, plan } = await run(pollsWith(OLD_SECRET, 0))
      expect(outcome).toBeUndefined()
      expect(plan.slice(0, 3)).toEqual([
        'build',
        'functions.getFunctionDetail polls',
        "data.countOpenPolls (node-sdk: polls where status == 'open')",
      ])
      expect(plan).toContain(
        `functions.updateFunctionConfig polls runtime=Nodejs20.19 handler=index.main timeout=10s memory=256MB installDependency=true env={FENGSI_RELEASE=9.9.9, POLLS_BALLOT_SECRET=<set>, ${NOTIFY_ENV}}`,
      )
      const variables = cloud.functions.get('polls')?.Environment?.Variables ?? []
      expect(variables.find((v) => v.Key === 'POLLS_BALLOT_SECRET')?.Value).toBe(SECRET)
    })

    it('counts again just before polls changes its key, and stops there when a poll opened meanwhile', async () => {
      const cloud = new StandInCloud(pollsWith(OLD_SECRET, 0))
      const outcome = await deploy(cloud.ports(), {
        ...options(),
        // a committee opens a poll while the database and the first functions are deployed
        log: (line) => {
          if (line.startsWith('# function matters')) cloud.openPolls = 1
        },
      }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(outcome).toBeInstanceOf(DeployRefused)
      expect((outcome as DeployRefused).code).toBe('BALLOT_KEY_CHANGE_WHILE_OPEN')
      expect((outcome as DeployRefused).message).toContain('1 poll(s) opened during this deploy')
      const plan = cloud.calls.map((c) => describeCall(c))
      const counts = plan.filter((l) => l.startsWith('data.countOpenPolls'))
      expect(counts).toHaveLength(2)
      // the second count is the last call: polls itself was not touched
      expect(plan.at(-1)).toBe("data.countOpenPolls (node-sdk: polls where status == 'open')")
      expect(plan.some((l) => / polls( |$)/.test(l) && l.startsWith('functions.update'))).toBe(
        false,
      )
      expect(cloud.functions.get('polls')?.Environment?.Variables).toEqual([
        { Key: 'POLLS_BALLOT_SECRET', Value: OLD_SECRET },
      ])
    })

    it('with the same key, open polls do not matter (not even counted)', async () => {
      const { outcome, plan } = await run(pollsWith(SECRET, 2))
      expect(outcome).toBeUndefined()
      expect(plan.some((l) => l.startsWith('data.countOpenPolls'))).toBe(false)
    })
  })

  describe('the variables, replaced whole on every deploy', () => {
    it('removes a variable set by hand earlier, even on a function that declares none of its own', async () => {
      const { cloud, outcome } = await run({
        functions: {
          notifications: deployed({
            FunctionName: 'notifications',
            InstallDependency: 'FALSE',
            Environment: { Variables: [{ Key: 'FENGSI_CONTENT_CHECK', Value: 'local' }] },
          }),
        },
      })
      expect(outcome).toBeUndefined()
      expect(cloud.functions.get('notifications')?.Environment?.Variables).toEqual([
        { Key: 'FENGSI_RELEASE', Value: '9.9.9' },
      ])
    })

    it('FENGSI_RELEASE is the version deployed, whatever the shell says', async () => {
      const { cloud } = await run({}, { ...ENV, FENGSI_RELEASE: 'from-the-shell' })
      const variables = cloud.functions.get('village')?.Environment?.Variables ?? []
      expect(variables.find((v) => v.Key === 'FENGSI_RELEASE')?.Value).toBe('9.9.9')
    })
  })

  describe('the check after deploying', () => {
    it('fails loudly, saying what, when a function is not Active', async () => {
      const { outcome } = await run({
        failing: {
          village: { Status: 'CreateFailed', StatusDesc: 'npm install wx-server-sdk failed' },
        },
      })
      expect(outcome).toBeInstanceOf(DeployFailed)
      expect((outcome as DeployFailed).problems).toEqual([
        'village: status CreateFailed (npm install wx-server-sdk failed)',
      ])
    })

    it('fails when a deployed function keeps a configuration the deploy cannot change (its runtime)', async () => {
      const { outcome } = await run({
        functions: {
          notifications: deployed({
            FunctionName: 'notifications',
            Runtime: 'Nodejs16.13',
            InstallDependency: 'FALSE',
          }),
        },
      })
      expect((outcome as DeployFailed).problems).toEqual([
        'notifications: runtime is Nodejs16.13, declared Nodejs20.19',
      ])
    })

    it('replaces a timer trigger whose cron differs from the declared one', async () => {
      const { cloud, outcome, plan } = await run({
        functions: {
          scheduler: deployed({
            FunctionName: 'scheduler',
            Timeout: 60,
            Triggers: [
              { TriggerName: 'closePolls', Type: 'timer', TriggerDesc: '{"cron":"0 * * * * * *"}' },
            ],
          }),
        },
      })
      expect(outcome).toBeUndefined()
      const scheduler = plan.filter((l) => l.includes(' scheduler'))
      expect(scheduler.slice(-3)).toEqual([
        'functions.deleteFunctionTrigger scheduler closePolls',
        'functions.createFunctionTriggers scheduler [closePolls timer "30 * * * * * *"]',
        'functions.getFunctionDetail scheduler',
      ])
      expect(cloud.functions.get('scheduler')?.Triggers).toEqual([
        { TriggerName: 'closePolls', Type: 'timer', TriggerDesc: '{"cron":"30 * * * * * *"}' },
      ])
    })
  })
})
