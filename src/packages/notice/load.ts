/**
 * What the notice page loads, in two calls: the counted poll (`polls.getPoll`), then its matter
 * with the village's name (`matters.getMatter`), turned into the notice's content by domain/notice.
 */
import type { Envelope } from '../../../types/api'
import { noticeContent, type NoticeContent } from '../../../domain/notice/content'
import { appLink } from '../../../domain/notice/link'
import { DomainError } from '../../../domain/shared/errors'
import { matterUrl } from '../../routes'
import { callFunction } from '../../services/cloud'

/**
 * Where the QR code's link points: TARO_APP_LINK_BASE (the https prefix registered for
 * 扫普通链接二维码打开小程序, where the H5 app is served); not set, H5 uses its own address.
 */
export function linkBase(): string {
  const configured = process.env.TARO_APP_LINK_BASE || ''
  if (configured) return configured
  if (process.env.TARO_ENV === 'h5') return `${window.location.origin}${window.location.pathname}`
  return ''
}

export const NO_POLL: Envelope<never> = {
  ok: false,
  error: { code: 'INVALID_INPUT', message: '没有说是哪一次表决的公告，请从事项或现场投票页进来。' },
}

export async function loadNotice(pollId: string): Promise<Envelope<NoticeContent>> {
  if (!pollId) return NO_POLL
  const poll = await callFunction('polls', 'getPoll', { pollId })
  if (!poll.ok) return poll
  if (!poll.data.result) {
    return {
      ok: false,
      error: { code: 'CONFLICT', message: '这次表决还没有计票，结果出来以后才能出公告。' },
    }
  }
  const matter = await callFunction('matters', 'getMatter', { matterId: poll.data.matterId })
  if (!matter.ok) return matter
  try {
    return {
      ok: true,
      data: noticeContent({
        poll: poll.data,
        matter: matter.data,
        villageName: matter.data.villageName,
        link: appLink(linkBase(), matterUrl(poll.data.matterId)),
      }),
    }
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e.toJSON() }
    throw e
  }
}
