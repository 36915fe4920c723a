/** The polls function refuses to run without its ballot secret, and says so without details. */
import { startEmulator, type Emulator } from '../../../emulator/src'
import { COLLECTIONS } from '../../../cloudfunctions/_shared/collections'
import { FUNCTIONS_OUT } from '../../../scripts/build-functions'
import { TEST_NOW } from '../support/backend'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({
    memory: true,
    functionsDir: FUNCTIONS_OUT,
    collections: COLLECTIONS,
    functionLog: () => undefined,
    functionTimeoutMs: 15_000,
    // no functionEnv: no POLLS_BALLOT_SECRET
  })
  emulator.clock.set(TEST_NOW)
})
afterAll(() => emulator.close())

it('answers INTERNAL to every action without POLLS_BALLOT_SECRET, touching no data', async () => {
  emulator.counters.reset()
  for (const action of ['getPoll', 'castBallot', 'openPoll']) {
    expect(await emulator.invoke('polls', { action, payload: { pollId: 'p1' } }, 'o-x')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '投票服务还没有配置好，请联系村委会。' },
    })
  }
  // not one database request
  expect(emulator.counters.snapshot().database).toEqual({})
})
