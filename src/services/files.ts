/**
 * A table (CSV) chosen by the person, read as text: the register import's file.
 *
 * - WeChat: a mini-program cannot browse the phone's folders; it chooses a file from a chat
 *   (`chooseMessageFile`): the committee sends the table to 文件传输助手 from the computer, or it
 *   came in the village group. The chosen file is read with the file system manager.
 * - H5: `chooseMessageFile` does not exist in a browser; a hidden `<input type="file">` (id
 *   `csv-file-input`, in the page so a test can hand it a file) opens the phone's or computer's
 *   file chooser, and FileReader reads it.
 *
 * Excel in China saves CSV as GBK unless told "CSV UTF-8": the browser reads either; WeChat reads
 * UTF-8 only, and a GBK file is refused in words that say how to save it again.
 */
import Taro from '@tarojs/taro'
import type { AppError, Envelope } from '../../types/api'

export interface PickedFile {
  name: string
  text: string
}

/** Far beyond the import's 200 000 characters in any encoding, short of a photo sent by mistake. */
export const MAX_CSV_BYTES = 800_000

/** The id of the browser's hidden file field. */
export const CSV_INPUT_ID = 'csv-file-input'

export const CSV_TOO_LARGE: AppError = {
  code: 'INVALID_INPUT',
  message: '文件太大了：最多 2000 行、约 200 KB，请分成几个文件导入。',
}

export const CSV_NOT_UTF8: AppError = {
  code: 'INVALID_INPUT',
  message:
    '这个文件的文字读不出来。请在 Excel 里“另存为”，类型选“CSV UTF-8（逗号分隔）”，再选一次。',
}

export const CSV_NOT_CSV: AppError = {
  code: 'INVALID_INPUT',
  message: '只能选表格文件（.csv）。在 Excel 里“另存为”，类型选“CSV UTF-8（逗号分隔）”。',
}

export const CSV_UNREADABLE: AppError = {
  code: 'FUNCTION_ERROR',
  message: '文件没能读出来，请再选一次。',
}

const fail = (error: AppError): Envelope<never> => ({ ok: false, error })
const isCsv = (name: string) => /\.csv$/i.test(name)
/** U+FFFD: what a decoder puts where the bytes were not text in its encoding. */
const garbled = (text: string) => text.includes('\uFFFD')
const withoutBom = (text: string) => text.replace(/^\uFEFF/, '')

function checked(name: string, size: number): AppError | undefined {
  if (!isCsv(name)) return CSV_NOT_CSV
  if (size > MAX_CSV_BYTES) return CSV_TOO_LARGE
  return undefined
}

async function pickInWeChat(): Promise<Envelope<PickedFile | null>> {
  let chosen: Taro.chooseMessageFile.ChooseFile | undefined
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] })
    chosen = res.tempFiles[0]
  } catch (e) {
    if (/cancel/i.test(String((e as { errMsg?: unknown })?.errMsg ?? '')))
      return { ok: true, data: null }
    return fail(CSV_UNREADABLE)
  }
  if (!chosen) return { ok: true, data: null }
  const problem = checked(chosen.name, chosen.size)
  if (problem) return fail(problem)
  try {
    const text = Taro.getFileSystemManager().readFileSync(chosen.path, 'utf8') as string
    if (garbled(text)) return fail(CSV_NOT_UTF8)
    return { ok: true, data: { name: chosen.name, text: withoutBom(text) } }
  } catch {
    return fail(CSV_UNREADABLE)
  }
}

function readAs(file: Blob, encoding: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result ?? ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(file, encoding)
  })
}

/** A file's text: UTF-8, or GBK (GB 18030) when it is not UTF-8. */
export async function readCsvFile(file: File): Promise<Envelope<PickedFile>> {
  const problem = checked(file.name, file.size)
  if (problem) return fail(problem)
  try {
    let text = await readAs(file, 'utf-8')
    if (garbled(text)) text = await readAs(file, 'gb18030')
    if (garbled(text)) return fail(CSV_NOT_UTF8)
    return { ok: true, data: { name: file.name, text: withoutBom(text) } }
  } catch {
    return fail(CSV_UNREADABLE)
  }
}

function pickInBrowser(): Promise<Envelope<PickedFile | null>> {
  document.getElementById(CSV_INPUT_ID)?.remove()
  const input = document.createElement('input')
  input.type = 'file'
  input.id = CSV_INPUT_ID
  input.accept = '.csv,text/csv'
  input.style.display = 'none'
  document.body.appendChild(input)
  return new Promise((resolve) => {
    const finish = (answer: Envelope<PickedFile | null>) => {
      input.remove()
      resolve(answer)
    }
    input.addEventListener('cancel', () => finish({ ok: true, data: null }))
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      if (!file) return finish({ ok: true, data: null })
      void readCsvFile(file).then(finish)
    })
    input.click()
  })
}

/**
 * Lets the person choose a CSV file and answers its text; `null` when they closed the chooser.
 * Never throws.
 */
export function pickCsvFile(): Promise<Envelope<PickedFile | null>> {
  return process.env.TARO_ENV === 'weapp' ? pickInWeChat() : pickInBrowser()
}
