// Geo queries on points, which mingo does not have: `$nearSphere`/`$near` and `$geoWithin`
// (`$geometry` Polygon/MultiPolygon, `$centerSphere`) as query operators, and the `$geoNear`
// aggregation stage. Distances are MongoDB's on a sphere of radius 6378.1 km: the angle between
// the two points as unit vectors (S2's S2Point::Angle), in metres for GeoJSON points.
// https://www.mongodb.com/docs/manual/reference/operator/query-geospatial/
import { isPlainObject } from './ejson'
import { valuesAt } from './rules'

type AnyObject = Record<string, unknown>
type LngLat = readonly [number, number]

export const EARTH_RADIUS_M = 6378.1 * 1000
const RAD = Math.PI / 180

const isLngLat = (v: unknown): v is LngLat =>
  Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number'

/** A GeoJSON Point's or a legacy coordinate pair's [lng, lat]. */
export const pointOf = (v: unknown): LngLat | undefined => {
  if (isPlainObject(v) && v.type === 'Point' && isLngLat(v.coordinates)) return v.coordinates
  if (isLngLat(v)) return v
  return undefined
}

/** Every vertex of a GeoJSON geometry (a point is its own vertex). */
const verticesOf = (v: unknown): LngLat[] => {
  const p = pointOf(v)
  if (p) return [p]
  if (!isPlainObject(v) || !Array.isArray(v.coordinates)) return []
  const flat = (c: unknown): LngLat[] =>
    isLngLat(c) ? [c] : Array.isArray(c) ? c.flatMap(flat) : []
  return flat(v.coordinates)
}

const unit = ([lng, lat]: LngLat): [number, number, number] => {
  const phi = lat * RAD
  const theta = lng * RAD
  const c = Math.cos(phi)
  return [Math.cos(theta) * c, Math.sin(theta) * c, Math.sin(phi)]
}

/** The angle in radians between two points on the sphere. */
export const angleBetween = (a: LngLat, b: LngLat): number => {
  const u = unit(a)
  const v = unit(b)
  const x = u[1] * v[2] - u[2] * v[1]
  const y = u[2] * v[0] - u[0] * v[2]
  const z = u[0] * v[1] - u[1] * v[0]
  return Math.atan2(Math.sqrt(x * x + y * y + z * z), u[0] * v[0] + u[1] * v[1] + u[2] * v[2])
}

/** Ray casting on [lng, lat] (edges as straight lines, fine for areas far smaller than the globe). */
const inRing = ([x, y]: LngLat, ring: readonly LngLat[]): boolean => {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

const inPolygon = (p: LngLat, rings: readonly (readonly LngLat[])[]): boolean =>
  rings.length > 0 && inRing(p, rings[0]) && !rings.slice(1).some((hole) => inRing(p, hole))

const within = (spec: AnyObject): ((p: LngLat) => boolean) => {
  if (Array.isArray(spec.$centerSphere)) {
    const [center, radius] = spec.$centerSphere as [unknown, unknown]
    const c = pointOf(center)
    if (!c || typeof radius !== 'number')
      throw new Error('$centerSphere needs [[lng, lat], radius]')
    return (p) => angleBetween(c, p) <= radius
  }
  const g = isPlainObject(spec.$geometry) ? spec.$geometry : undefined
  if (g?.type === 'Polygon' && Array.isArray(g.coordinates)) {
    const rings = g.coordinates as LngLat[][]
    return (p) => inPolygon(p, rings)
  }
  if (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates)) {
    const polygons = g.coordinates as LngLat[][][]
    return (p) => polygons.some((rings) => inPolygon(p, rings))
  }
  throw new Error('$geoWithin needs $geometry (Polygon or MultiPolygon) or $centerSphere')
}

const geoValues = (obj: AnyObject, selector: string): unknown[] =>
  valuesAt(obj, selector.split('.')).filter((v) => v !== undefined)

/** `$geoWithin`: every vertex of the field's geometry inside the area. */
const $geoWithin = (selector: string, spec: unknown) => {
  const test = within(isPlainObject(spec) ? spec : {})
  return (obj: AnyObject): boolean =>
    geoValues(obj, selector).some((v) => {
      const vertices = verticesOf(v)
      return vertices.length > 0 && vertices.every(test)
    })
}

export interface Near {
  readonly point: LngLat
  /** Distances in metres (GeoJSON near) or radians (a legacy pair). */
  readonly metres: boolean
  readonly min?: number
  readonly max?: number
}

const nearOfSpec = (spec: unknown): Near => {
  const s = isPlainObject(spec) ? spec : {}
  const geometry = isPlainObject(s.$geometry) ? s.$geometry : undefined
  const point = pointOf(geometry ?? s.near ?? spec)
  if (!point) throw new Error('$nearSphere needs a point')
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined)
  return {
    point,
    metres: geometry !== undefined || isPlainObject(s.near),
    min: num(s.$minDistance ?? s.minDistance),
    max: num(s.$maxDistance ?? s.maxDistance),
  }
}

/** The distance of `v` from `near`'s point in its unit, or undefined when `v` is no point. */
export const distanceFrom = (near: Near, v: unknown): number | undefined => {
  const p = pointOf(v)
  if (!p) return undefined
  const angle = angleBetween(near.point, p)
  return near.metres ? angle * EARTH_RADIUS_M : angle
}

const inRange = (near: Near, d: number | undefined): d is number =>
  d !== undefined &&
  (near.min === undefined || d >= near.min) &&
  (near.max === undefined || d <= near.max)

/** `$nearSphere` / `$near`: a point within [minDistance, maxDistance] (sorting is the caller's). */
const $nearSphere = (selector: string, spec: unknown) => {
  const near = nearOfSpec(spec)
  return (obj: AnyObject): boolean =>
    geoValues(obj, selector).some((v) => inRange(near, distanceFrom(near, v)))
}

export const GEO_QUERY_OPERATORS = { $geoWithin, $nearSphere, $near: $nearSphere }

/** The top-level `{field: {$nearSphere | $near: …}}` of a query, whose results MongoDB sorts by distance. */
export const nearOfQuery = (
  query: AnyObject | undefined,
): { field: string; near: Near } | undefined => {
  for (const [field, cond] of Object.entries(query ?? {})) {
    if (field.startsWith('$') || !isPlainObject(cond)) continue
    const spec = cond.$nearSphere ?? cond.$near
    if (spec !== undefined) return { field, near: nearOfSpec(spec) }
  }
  return undefined
}

/** Documents sorted by their distance from a query's `$nearSphere` point, nearest first. */
export const sortByDistance = (docs: AnyObject[], field: string, near: Near): AnyObject[] =>
  docs
    .map((doc, i) => ({
      doc,
      i,
      d: Math.min(...geoValues(doc, field).map((v) => distanceFrom(near, v) ?? Infinity)),
    }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.doc)

/**
 * The `$geoNear` stage (https://www.mongodb.com/docs/manual/reference/operator/aggregation/geoNear/):
 * documents with a point at `key` (or at the first field holding one), within min/max distance,
 * nearest first, with the distance in `distanceField` (times `distanceMultiplier`) and the point in
 * `includeLocs`. `query` is applied by the caller.
 */
export const geoNearStage = (docs: AnyObject[], spec: AnyObject): AnyObject[] => {
  if (typeof spec.distanceField !== 'string') throw new Error('$geoNear requires a distanceField')
  const near = nearOfSpec({
    near: spec.near,
    minDistance: spec.minDistance,
    maxDistance: spec.maxDistance,
  })
  const near2: Near = { ...near, metres: isPlainObject(spec.near) }
  const key = typeof spec.key === 'string' ? spec.key : undefined
  const multiplier = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1
  const out: Array<{ doc: AnyObject; d: number; i: number }> = []
  docs.forEach((doc, i) => {
    const candidates = key ? geoValues(doc, key) : Object.values(doc).filter((v) => pointOf(v))
    const loc = candidates.find((v) => pointOf(v))
    const d = distanceFrom(near2, loc)
    if (!inRange(near2, d)) return
    const copy: AnyObject = { ...doc, [spec.distanceField as string]: d * multiplier }
    if (typeof spec.includeLocs === 'string') copy[spec.includeLocs] = loc
    out.push({ doc: copy, d, i })
  })
  return out.sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.doc)
}
