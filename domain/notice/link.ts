/**
 * The link the notice's QR code carries: the H5 app's own address of a page,
 * `<base>/#<route>?<query>` (the H5 build routes by hash), e.g.
 * `https://example.cn/#/packages/matters/pages/detail/index?id=demo-matter-deciding`.
 * One link for both builds: a phone's camera opens it in the browser; WeChat opens the
 * mini-program when `<base>` is registered as its 普通链接 prefix (扫普通链接二维码打开小程序)
 * and hands the whole link to the page as `q`, from which `queryOfLink` reads the id back.
 */

/** `https://example.cn/` → `https://example.cn`. */
const trimBase = (base: string): string => base.trim().replace(/\/+$/, '')

/** `route` is the page's path with its encoded query (`matterUrl(id)` of src/routes.ts). */
export function appLink(base: string, route: string): string {
  return `${trimBase(base)}/#${route}`
}

/**
 * The query of a link made by `appLink` for the page at `path` (`ROUTES.matter`), decoded;
 * undefined when the link is for another page or is not such a link.
 */
export function queryOfLink(link: string, path: string): Record<string, string> | undefined {
  const hash = link.indexOf('#')
  if (hash < 0) return undefined
  const [route, query = ''] = link.slice(hash + 1).split('?')
  if (route !== path) return undefined
  const out: Record<string, string> = {}
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=')
    if (eq <= 0) continue
    try {
      out[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1))
    } catch {
      return undefined
    }
  }
  return out
}
