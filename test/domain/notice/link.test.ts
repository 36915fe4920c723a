import { appLink, queryOfLink } from '../../../domain/notice/link'
import { ROUTES, matterUrl } from '../../../src/routes'

describe('the QR code link', () => {
  it('is the H5 address of the matter under the base', () => {
    expect(appLink('https://fengsi.example.cn/', matterUrl('demo-matter-deciding'))).toBe(
      'https://fengsi.example.cn/#/packages/matters/pages/detail/index?id=demo-matter-deciding',
    )
    expect(appLink('http://127.0.0.1:4000', matterUrl('a b'))).toBe(
      'http://127.0.0.1:4000/#/packages/matters/pages/detail/index?id=a%20b',
    )
  })

  it('gives its id back, decoded, for the matter page only', () => {
    const link = 'https://x.cn/#/packages/matters/pages/detail/index?id=a%20b'
    expect(queryOfLink(link, ROUTES.matter)).toEqual({ id: 'a b' })
    expect(queryOfLink(link, ROUTES.notice)).toBeUndefined()
    expect(
      queryOfLink('https://x.cn/packages/matters/pages/detail/index?id=1', ROUTES.matter),
    ).toBeUndefined()
    expect(
      queryOfLink('https://x.cn/#/packages/matters/pages/detail/index?id=%E0', ROUTES.matter),
    ).toBeUndefined()
  })
})
