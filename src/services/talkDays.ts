import type { Envelope } from '../../types/api'
import type { HomeView } from '../../types/api/matters'
import { DEFAULT_TALK_DAYS } from '../../domain/talkday'
import { DEFAULT_SETTINGS } from '../../domain/village/settings'
import { callFunction, chooseVillage, chosenVillage } from './cloud'

/** What the screens say about the caller's village: its 说事日 and how soon it answers a matter. */
export interface MyVillage {
  talkDays: readonly number[]
  responseDeadlineDays: number
}

/**
 * The caller's village from `village.getMe`. Someone who is not (yet) a member of a village, or
 * not signed in, sees the usual schedule (4, 14, 24) and the default deadline; a failed call is an
 * error the screen offers to retry.
 */
export async function loadMyVillage(): Promise<Envelope<MyVillage>> {
  const res = await callFunction('village', 'getMe', {})
  if (!res.ok && res.error.code !== 'UNAUTHENTICATED') return res
  const village = res.ok ? res.data.village : null
  return {
    ok: true,
    data: {
      talkDays: village?.talkDays ?? DEFAULT_TALK_DAYS,
      responseDeadlineDays: village?.responseDeadlineDays ?? DEFAULT_SETTINGS.responseDeadlineDays,
    },
  }
}

/** The talk days the home screen shows: the caller's village's own. */
export async function loadTalkDays(): Promise<Envelope<readonly number[]>> {
  const res = await loadMyVillage()
  return res.ok ? { ok: true, data: res.data.talkDays } : res
}

/** What 首页 and 我的 show for someone who is not signed in (or not yet anyone's member). */
export const NOBODY_HOME: HomeView = {
  member: null,
  village: null,
  nextTalkDay: null,
  urgent: [],
  mine: [],
}

/**
 * 首页 and 我的 in one call (`matters.getHome`). Not signed in reads as not a member (the screen
 * offers 去加入村子); any other failure is an error the screen may offer to retry.
 */
export async function loadHome(): Promise<Envelope<HomeView>> {
  const res = await callFunction('matters', 'getHome', {})
  if (!res.ok && res.error.code === 'UNAUTHENTICATED') return { ok: true, data: NOBODY_HOME }
  // The village chosen on 切换村子 is no longer one of theirs: back to the default one.
  if (res.ok && !res.data.member && chosenVillage()) {
    chooseVillage(undefined)
    return loadHome()
  }
  return res
}

/** Whether this membership makes the caller one of the village (approved and not left). */
export const isMember = (home: HomeView): boolean => home.member?.status === 'verified'
