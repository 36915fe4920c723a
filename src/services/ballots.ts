/**
 * The ballots of a counted poll, handed to the person so anyone can check the count
 * (`npm run verify-tally -- <file> <digest>`). The export itself comes from `polls.exportBallots`.
 *
 * - H5: a file download (a Blob behind an `<a download>`), as any web page saves a file.
 * - WeChat: a mini-program cannot save to the phone's downloads. We write the CSV into the
 *   app's own folder (`USER_DATA_PATH`) and open WeChat's "send file" sheet
 *   (`shareFileMessage`): the villager sends it to a chat — 文件传输助手, the village group, or
 *   whoever checks the count on a computer. Copying thousands of CSV lines to the clipboard is no
 *   use to anyone, so it is only the fallback on a WeChat too old for `shareFileMessage`
 *   (base library < 2.16.1).
 */
import Taro from '@tarojs/taro'
import type { AppError, Envelope } from '../../types/api'
import type { BallotsExport } from '../../types/api/polls'

/** `cancelled`: the person closed WeChat's send sheet (nothing to say about it). */
export type SavedHow = 'downloaded' | 'shared' | 'copied' | 'cancelled'

const SAVE_FAILED: AppError = {
  code: 'FUNCTION_ERROR',
  message: '选票文件没能保存，请再试一次。',
}

function downloadInBrowser(file: BallotsExport): SavedHow {
  const blob = new Blob([file.csv], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Let the download start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  return 'downloaded'
}

async function shareInWeChat(file: BallotsExport): Promise<SavedHow> {
  const share = (Taro as { shareFileMessage?: typeof Taro.shareFileMessage }).shareFileMessage
  if (typeof share !== 'function') {
    await Taro.setClipboardData({ data: file.csv })
    return 'copied'
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, file.csv, 'utf8')
  try {
    await share({ filePath, fileName: file.fileName })
  } catch (e) {
    if (/cancel/i.test(String((e as { errMsg?: unknown })?.errMsg ?? ''))) return 'cancelled'
    throw e
  }
  return 'shared'
}

/** Hands the exported ballots to the person: a download in H5, WeChat's send-file sheet in weapp. */
export async function saveBallots(file: BallotsExport): Promise<Envelope<SavedHow>> {
  try {
    const how =
      process.env.TARO_ENV === 'weapp' ? await shareInWeChat(file) : downloadInBrowser(file)
    return { ok: true, data: how }
  } catch {
    return { ok: false, error: SAVE_FAILED }
  }
}
