// Geo queries on points through the REAL SDK (mingo has none): distances on MongoDB's sphere of
// radius 6378.1 km, nearest first. https://www.mongodb.com/docs/manual/reference/operator/query-geospatial/
import type { Emulator } from '../src/index'
import { sdkFor, start, type App } from './helpers'

jest.setTimeout(60_000)

let emulator: Emulator
let db: ReturnType<App['database']>

// One degree of longitude on the equator: 6378100 m × π / 180.
const ONE_DEGREE_M = 111318.845

beforeAll(async () => {
  emulator = await start({ collections: [{ name: 'places' }] })
  db = sdkFor(emulator).database()
  const { Point } = db.Geo
  await db.collection('places').add([
    { _id: 'origin', kind: 'well', at: new Point(0, 0) },
    { _id: 'east1', kind: 'well', at: new Point(1, 0) },
    { _id: 'east3', kind: 'shop', at: new Point(3, 0) },
    { _id: 'inner', kind: 'well', at: new Point(0.5, 0.5) },
    { _id: 'nowhere', kind: 'well' },
  ])
})

afterAll(async () => {
  await emulator.close()
})

const ids = (res: { data: unknown[] }) => res.data.map((d) => (d as { _id: string })._id)

describe('geo queries', () => {
  // https://www.mongodb.com/docs/manual/reference/operator/query/nearSphere/ : distances in
  // metres for a GeoJSON point; "sorts documents from nearest to farthest".
  it('geoNear ($nearSphere): within min and max distance, nearest first', async () => {
    const _ = db.command
    const { Point } = db.Geo
    const res = await db
      .collection('places')
      .where({ at: _.geoNear({ geometry: new Point(3.1, 0), maxDistance: 4 * ONE_DEGREE_M }) })
      .get()
    expect(ids(res)).toEqual(['east3', 'east1', 'inner', 'origin'])
    const ring = await db
      .collection('places')
      .where({
        at: _.geoNear({
          geometry: new Point(0, 0),
          minDistance: 0.9 * ONE_DEGREE_M,
          maxDistance: 1.1 * ONE_DEGREE_M,
        }),
      })
      .get()
    expect(ids(ring)).toEqual(['east1'])
  })

  // https://www.mongodb.com/docs/manual/reference/operator/query/geoWithin/ : a polygon's first
  // ring bounds it, the others are holes; $centerSphere's radius is in radians.
  it('geoWithin: a polygon with a hole, and centerSphere', async () => {
    const _ = db.command
    // (the SDK's type declares only Point; LineString and Polygon exist at run time)
    const { Point, LineString, Polygon } = db.Geo as typeof db.Geo & {
      LineString: new (points: unknown[]) => unknown
      Polygon: new (lines: unknown[]) => unknown
    }
    const square = (r: number) =>
      new LineString([
        new Point(-r, -r),
        new Point(r, -r),
        new Point(r, r),
        new Point(-r, r),
        new Point(-r, -r),
      ])
    const withHole = await db
      .collection('places')
      .where({ at: _.geoWithin({ geometry: new Polygon([square(2), square(0.25)]) }) })
      .get()
    expect(ids(withHole).sort()).toEqual(['east1', 'inner'])
    const circle = await db
      .collection('places')
      .where({ at: _.geoWithin({ centerSphere: [new Point(3, 0), (2.5 * Math.PI) / 180] }) })
      .get()
    expect(ids(circle).sort()).toEqual(['east1', 'east3'])
  })

  // https://www.mongodb.com/docs/manual/reference/operator/aggregation/geoNear/
  it('the $geoNear stage: query, distanceField in metres, includeLocs, nearest first', async () => {
    const _ = db.command
    const { Point } = db.Geo
    const res = await db
      .collection('places')
      .aggregate()
      .geoNear({
        near: new Point(0, 0),
        spherical: true,
        distanceField: 'distance',
        includeLocs: 'loc',
        key: 'at',
        query: { kind: 'well', _id: _.neq('inner') },
      })
      .project({ _id: 1, distance: 1 })
      .end()
    const rows = res.data as Array<{ _id: string; distance: number }>
    expect(rows.map((r) => r._id)).toEqual(['origin', 'east1'])
    expect(rows[0].distance).toBe(0)
    expect(rows[1].distance).toBeCloseTo(ONE_DEGREE_M, 2)
  })
})
