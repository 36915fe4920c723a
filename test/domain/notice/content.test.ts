import { digestLines, noticeContent } from '../../../domain/notice/content'
import { DIGEST, LINK, POLL, RESULT } from './fixture'

describe('the notice content', () => {
  it('says the matter, the body, the sentence, the counts, the date and the digest', () => {
    const c = noticeContent({
      poll: POLL,
      matter: { title: '集体果园承包给谁' },
      villageName: '示范村',
      link: LINK,
    })
    expect(c).toEqual({
      heading: '决议公告',
      villageName: '示范村',
      signature: '示范村村民委员会',
      matterTitle: '集体果园承包给谁',
      question: '集体果园承包给王家，五年，每年承包费两万元，同意吗？',
      body: '村民会议',
      sentence:
        '到会 28 人，超过全村 18 岁以上村民 40 人的一半，会议有效；赞成 21 票，超过到会人数的一半，通过。',
      counts: [
        { key: 'yes', label: '赞成', count: 21 },
        { key: 'no', label: '反对', count: 4 },
        { key: 'abstain', label: '弃权', count: 2 },
        { key: 'spoiled', label: '废票', count: 1 },
      ],
      turnout: '投票 28 人，名单上共 40 人',
      date: '2026年11月24日',
      countedAt: '2026年11月24日 21:05',
      digest: DIGEST,
      digestLines: [
        '3f7a 9c0b 12d4 e56f',
        '7890 abcd ef01 2345',
        '6789 abcd ef01 2345',
        '6789 abcd ef01 2345',
      ],
      link: LINK,
    })
  })

  it('names a choice poll’s options, and zero for an option nobody chose', () => {
    const c = noticeContent({
      poll: {
        question: '广场建在哪里？',
        kind: 'choice',
        options: [
          { id: 'o1', label: '村委会门口' },
          { id: 'o2', label: '小学旁边' },
        ],
        body: 'consult',
        result: { ...RESULT, counts: { o1: 5 }, spoiled: 0 },
      },
      matter: { title: '文化广场' },
      villageName: '',
      link: LINK,
    })
    expect(c.counts).toEqual([
      { key: 'o1', label: '村委会门口', count: 5 },
      { key: 'o2', label: '小学旁边', count: 0 },
      { key: 'spoiled', label: '废票', count: 0 },
    ])
    expect(c.body).toBe('民意征询（只供参考，不作决定）')
    expect(c.signature).toBe('村民委员会')
  })

  it('takes the date in Shanghai: 23:30 UTC is the next morning', () => {
    const c = noticeContent({
      poll: { ...POLL, result: { ...RESULT, countedAt: '2026-11-24T23:30:00.000Z' } },
      matter: { title: '事' },
      villageName: '示范村',
      link: LINK,
    })
    expect(c.date).toBe('2026年11月25日')
    expect(c.countedAt).toBe('2026年11月25日 07:30')
  })

  it('is refused while the poll has no result, in words', () => {
    expect(() =>
      noticeContent({
        poll: { ...POLL, result: undefined },
        matter: { title: '事' },
        villageName: '示范村',
        link: LINK,
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: '这次表决还没有计票，结果出来以后才能出公告。',
      }),
    )
  })

  it('splits a digest into groups of four, four to a line', () => {
    expect(digestLines('0123456789abcdefXY')).toEqual(['0123 4567 89ab cdef', 'XY'])
    expect(digestLines('')).toEqual([])
  })
})
