import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, type Backend } from '../support/backend'
import { CAST, seedCast, STRANGER, VILLAGE_A } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

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

  describe('the words people write pass the content check, as a statement does', () => {
    const raise = (title: string, body: string) =>
      backend.call(CAST.resident.openid, 'matters', 'raiseMatter', { title, body, photos: [] })
    const REFUSED = {
      ok: false,
      error: { code: 'INVALID_INPUT', message: '事项里有不文明的用语，请修改后再提交。' },
    }

    it.each([
      ['an abusive title', '村干部是王八蛋', '路灯坏了。'],
      ['an abusive body', '路灯坏了', '修了三次都不好，傻逼。'],
      ['a word split by a zero-width space', '路灯坏了', '傻\u200b逼才不修'],
    ])('%s is refused and nothing is written', async (_case, title, body) => {
      const before = await snapshot(backend)
      expect(await raise(title, body)).toEqual(REFUSED)
      expect(await snapshot(backend)).toEqual(before)
    })

    it('innocent words that contain a listed one are taken (妈妈的, 过去死了)', async () => {
      const res = await raise('我妈妈的房子漏水了', '过去死了好几只鸡，水沟一直没人清。')
      expect(res).toEqual({ ok: true, data: { matterId: expect.any(String) } })
    })

    it('a committee topic is checked too', async () => {
      const before = await snapshot(backend)
      expect(
        await backend.call(CAST.committee.openid, 'matters', 'openTopic', {
          title: '草泥马的路',
          body: '修路',
          photos: [],
          urgent: false,
          category: 'roadsUtilities',
        }),
      ).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '议题里有不文明的用语，请修改后再提交。' },
      })
      expect(await snapshot(backend)).toEqual(before)
    })
  })
})
