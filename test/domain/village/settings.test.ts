import { applyVillageEdit, DEFAULT_SETTINGS, withDefaults } from '../../../domain/village/settings'

describe('village settings', () => {
  it('fills what an older village lacks', () => {
    expect(withDefaults({ name: '示范村' })).toEqual({
      name: '示范村',
      talkDays: [4, 14, 24],
      settings: DEFAULT_SETTINGS,
      counts: { adults: 0, households: 0, representatives: 0 },
    })
  })

  it('merges settings and counts, and names only what really changes', () => {
    const current = withDefaults({ name: '示范村' })
    const edit = applyVillageEdit(current, {
      name: '示范村',
      settings: { agendaSize: 5, ratingWindowDays: undefined },
      counts: { representatives: 7 },
    })
    expect(edit.next.settings).toEqual({ ...DEFAULT_SETTINGS, agendaSize: 5 })
    expect(edit.next.counts).toEqual({ adults: 0, households: 0, representatives: 7 })
    expect(Object.keys(edit.after).sort()).toEqual(['counts', 'settings'])
    expect(edit.before.settings).toEqual(DEFAULT_SETTINGS)
  })

  it('an edit that changes nothing has nothing to write', () => {
    const current = withDefaults({ name: '示范村' })
    expect(applyVillageEdit(current, { talkDays: [4, 14, 24], settings: {} }).after).toEqual({})
  })

  it('has the polls defaults: 3 days’ notice, 3 proxies, no delegation', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      agendaSize: 10,
      responseDeadlineDays: 3,
      reportThreshold: 3,
      ratingWindowDays: 7,
      pollNoticeDays: 3,
      proxyLimit: 3,
    })
  })

  it('sets a delegation, keeps it through other edits, and clears it with null', () => {
    const delegation = { date: '2026-10-04', note: '宅基地使用方案' }
    const set = applyVillageEdit(withDefaults({}), { settings: { delegation } })
    expect(set.next.settings.delegation).toEqual(delegation)
    expect(set.before.settings?.delegation).toBeUndefined()
    const other = applyVillageEdit(set.next, { settings: { proxyLimit: 1 } })
    expect(other.next.settings).toEqual({ ...DEFAULT_SETTINGS, proxyLimit: 1, delegation })
    const cleared = applyVillageEdit(other.next, { settings: { delegation: null } })
    expect(cleared.next.settings).toEqual({ ...DEFAULT_SETTINGS, proxyLimit: 1 })
    expect('delegation' in cleared.next.settings).toBe(false)
    expect(applyVillageEdit(cleared.next, { settings: { delegation: null } }).after).toEqual({})
  })
})
