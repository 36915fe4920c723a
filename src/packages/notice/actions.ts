/**
 * What the notice's buttons ask of the platform; each answers the words to show. WeChat: the
 * canvas becomes a temporary PNG (canvasToTempFilePath), saved to the album or shared as an image
 * (showShareImageMenu). H5: the canvas's PNG is downloaded or handed to the Web Share API, and
 * 打印 opens the browser's print dialog on the print page.
 */
import Taro from '@tarojs/taro'
import type { CanvasNode } from './draw'

export const FILE_NAME = '决议公告.png'

const errMsg = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'errMsg' in e
    ? String((e as { errMsg: unknown }).errMsg)
    : String(e)

const cancelled = (e: unknown) => /cancel/i.test(errMsg(e))
const refused = (e: unknown) => /auth|deny|denied|authorize|permission|privacy/i.test(errMsg(e))

async function tempFile(canvas: CanvasNode): Promise<string> {
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: canvas as unknown as Taro.Canvas,
    fileType: 'png',
    destWidth: canvas.width,
    destHeight: canvas.height,
  })
  return tempFilePath
}

/** WeChat: 保存到相册, with the album permission refused answered in plain words. */
export async function saveToAlbum(canvas: CanvasNode): Promise<string> {
  let file: string
  try {
    file = await tempFile(canvas)
  } catch {
    return '公告图片没有生成，请稍后再点一次。'
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: file })
    return '已保存到手机相册，可以拿去打印，或发到村里的群。'
  } catch (e) {
    if (cancelled(e)) return '没有保存。'
    if (refused(e)) {
      const answer = await Taro.showModal({
        title: '不能存到相册',
        content: '您没有允许微信把图片存到相册。点“去设置”，打开“保存到相册”，回来再点一次保存。',
        confirmText: '去设置',
        cancelText: '不用了',
      }).catch(() => ({ confirm: false }))
      if (answer.confirm) await Taro.openSetting().catch(() => undefined)
      return '还没有存到相册：需要允许“保存到相册”后再点一次保存。'
    }
    return '没有保存成功，请稍后再点一次。'
  }
}

/** WeChat: 分享给群, through WeChat's own image share menu. */
export async function shareToChat(canvas: CanvasNode): Promise<string> {
  let file: string
  try {
    file = await tempFile(canvas)
  } catch {
    return '公告图片没有生成，请稍后再点一次。'
  }
  try {
    await Taro.showShareImageMenu({ path: file })
    return '请在弹出的菜单里选“发送给朋友”，再选村里的群。'
  } catch (e) {
    if (cancelled(e)) return '没有分享。'
    return '这台手机的微信不能直接分享图片：请先点“保存到相册”，再在群里发这张图片。'
  }
}

function pngBlob(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'))
}

/** H5: the picture downloaded as a PNG file. */
export function downloadPng(canvas: CanvasNode): string {
  const a = document.createElement('a')
  a.href = (canvas as unknown as HTMLCanvasElement).toDataURL('image/png')
  a.download = FILE_NAME
  document.body.appendChild(a)
  a.click()
  a.remove()
  return `图片已下载（${FILE_NAME}）。`
}

/** H5: the picture handed to the phone's share sheet, where the browser has one for files. */
export async function shareInBrowser(canvas: CanvasNode): Promise<string> {
  const blob = await pngBlob(canvas as unknown as HTMLCanvasElement)
  const files = blob ? [new File([blob], FILE_NAME, { type: 'image/png' })] : []
  const nav = navigator as Navigator & { canShare?: (d: ShareData) => boolean }
  if (files.length > 0 && nav.share && nav.canShare?.({ files })) {
    try {
      await nav.share({ files, title: '决议公告' })
      return '已交给手机的分享菜单。'
    } catch (e) {
      if (e instanceof Error && e.name === 'AbortError') return '没有分享。'
    }
  }
  return '这个浏览器不能直接分享图片：请先点“保存图片”，再在群里发这张图片。'
}

/** H5: the browser's print dialog (the print page is laid out for A4 by @media print). */
export function printNotice(): string {
  window.print()
  return '打印的是下面这张 A4 公告。'
}
