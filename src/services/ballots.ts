/**
 * A CSV file handed to the person: the ballots of a counted poll, so anyone can check the count
 * (`npm run verify-tally -- <file> <digest>`; the export comes from `polls.exportBallots`), and the
 * township's 台账 of a month (`township.exportLedger`).
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

/** A CSV file as an export answers it. */
export interface CsvFile {
  fileName: string
  csv: string
}

/** `cancelled`: the person closed WeChat's send sheet (nothing to say about it). */
export type SavedHow = 'downloaded' | 'shared' | 'copied' | 'cancelled'

const SAVE_FAILED: AppError = {
  code: 'FUNCTION_ERROR',
  message: '选票文件没能保存，请再试一次。',
}

const FILE_SAVE_FAILED: AppError = {
  code: 'FUNCTION_ERROR',
  message: '文件没能保存，请再试一次。',
}

function downloadInBrowser(file: CsvFile): SavedHow {
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

async function shareInWeChat(file: CsvFile): Promise<SavedHow> {
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

/** Hands a CSV file to the person: a download in H5, WeChat's send-file sheet in weapp. */
export async function saveCsvFile(
  file: CsvFile,
  failure: AppError = FILE_SAVE_FAILED,
): Promise<Envelope<SavedHow>> {
  try {
    const how =
      process.env.TARO_ENV === 'weapp' ? await shareInWeChat(file) : downloadInBrowser(file)
    return { ok: true, data: how }
  } catch {
    return { ok: false, error: failure }
  }
}

/** Hands the exported ballots to the person (saveCsvFile, with the ballots' own failure words). */
export const saveBallots = (file: CsvFile): Promise<Envelope<SavedHow>> =>
  saveCsvFile(file, SAVE_FAILED)
