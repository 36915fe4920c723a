import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, type Backend } from '../support/backend'
import { CAST, seedCast, STRANGER, VILLAGE_A } from '../support/fixtures'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
})
afterAll(() => backend.close())

describe('matters.raiseMatter', () => {
  it('a verified resident raises a matter: 待受理, with a timeline entry', async () => {
    const res = await backend.call(CAST.resident.openid, 'matters', 'raiseMatter', {
      title: '村口路灯坏了',
      body: '村口的两盏路灯坏了一个月，晚上看不见路。',
      photos: [],
    })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const matters = await backend.all(COLLECTION.matters)
    const m = matters.find((x) => x._id === res.data.matterId)
    expect(m).toMatchObject({
      villageId: VILLAGE_A,
      status: 'raised',
      origin: 'resident',
      raisedBy: CAST.resident._id,
      title: '村口路灯坏了',
    })
    const logs = await backend.all(COLLECTION.auditLogs)
    expect(logs).toContainEqual(
      expect.objectContaining({
        subjectId: res.data.matterId,
        action: 'raiseMatter',
        to: 'raised',
      }),
    )
  })

  it('keeps photos uploaded to this environment under the photo folder', async () => {
    const photo = 'cloud://local.local-emulator/matters/2026-11/lq3k2a9xz1.jpg'
    const res = await backend.call(CAST.resident.openid, 'matters', 'raiseMatter', {
      title: '水渠堵了',
      body: '照片里是堵住的地方。',
      photos: [photo],
    })
    if (!res.ok) throw new Error(res.error.message)
    const m = (await backend.all(COLLECTION.matters)).find((x) => x._id === res.data.matterId)
    expect(m?.photos).toEqual([photo])
  })

  it('a stranger cannot, and nothing is written', async () => {
    const before = (await backend.all(COLLECTION.matters)).length
    const res = await backend.call(STRANGER, 'matters', 'raiseMatter', {
      title: '标题',
      body: '内容',
      photos: [],
    })
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })
    expect((await backend.all(COLLECTION.matters)).length).toBe(before)
  })

  it('an over-long title is INVALID_INPUT with a plain Chinese message', async () => {
    const res = await backend.call(CAST.resident.openid, 'matters', 'raiseMatter', {
      title: '长'.repeat(61),
      body: '内容',
    })
    expect(res).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '标题不能超过 60 个字' },
    })
  })
})
