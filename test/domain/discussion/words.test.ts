/** The local word check: words, not substrings of innocent ones; blind to invisible characters. */
import { listedWordsIn, localVerdict } from '../../../domain/discussion/words'

describe('local word check', () => {
  it.each([
    // Innocent sentences that hold a listed word as characters (the allow-list's cases)
    ['我妈妈的房子漏水了', 'pass'],
    ['过去死了好几只鸡', 'pass'],
    ['我姑妈的地在河边', 'pass'],
    ['他回去死活不肯说', 'pass'],
    ['家畜生病了要打疫苗', 'pass'],
    ['牲畜生产要登记', 'pass'],
    ['把蛋液搅混蛋液会更匀', 'pass'],
    ['村口路灯坏了，请村委会尽快修一修。', 'pass'],
    // Abusive words, as typed and disguised
    ['你妈的', 'reject'],
    ['你他妈的少管', 'reject'],
    ['你去死吧', 'reject'],
    ['傻逼', 'reject'],
    ['傻 逼', 'reject'],
    ['傻·逼', 'reject'],
    ['傻\u200b逼', 'reject'],
    ['傻\u200d逼', 'reject'],
    ['傻\u202e逼', 'reject'],
    ['傻\u00ad逼', 'reject'],
    ['傻\u0301逼', 'reject'],
    ['傻\u{e0020}逼', 'reject'],
    ['畜生！', 'reject'],
    ['我妈妈的事你少管，你妈的', 'reject'],
    // Accusations a moderator reads first
    ['有人在拉票', 'review'],
    ['听说他买\u200b票', 'review'],
    ['拉票的是个混蛋', 'reject'],
  ] as const)('%j → %s', (text, verdict) => {
    expect(localVerdict(text)).toBe(verdict)
  })

  it('names the words it found', () => {
    expect(listedWordsIn('你 是 傻·逼，去死')).toEqual(['傻逼', '去死'])
    expect(listedWordsIn('过去死了好几只鸡')).toEqual([])
  })

  it('takes other lists', () => {
    expect(localVerdict('村口路灯', { reject: ['路灯'] })).toBe('reject')
    expect(localVerdict('村口路灯', { reject: [], review: ['路灯'] })).toBe('review')
  })
})
