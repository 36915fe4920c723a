/**
 * The township's pages read which township they work on from their query (`?townshipId=`, set by
 * the 工作台 for one who works for more than one) and pass it on; the function checks it is theirs.
 */
import { getCurrentInstance } from '@tarojs/taro'
import type { TownshipChoice } from '../../../../types/api/township'

export function townshipChoice(): TownshipChoice {
  const id = getCurrentInstance().router?.params?.townshipId
  return id ? { townshipId: decodeURIComponent(id) } : {}
}
