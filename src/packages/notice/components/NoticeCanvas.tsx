import { memo, useEffect } from 'react'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeContent } from '../../../../domain/notice/content'
import { A4_RATIO } from '../../../../domain/notice/layout'
import { drawNotice, NOTICE_WIDTH, type CanvasNode } from '../draw'

interface Props {
  content: NoticeContent
  /** The canvas once drawn (the buttons make their picture from it). */
  onDrawn: (canvas: CanvasNode) => void
  /** Shown width in px (the drawing itself is NOTICE_WIDTH wide). */
  shownWidth: number
}

/** Finds the canvas node (H5's canvas element appears a moment after the page), tries a while. */
function findCanvas(tries: number, found: (node: CanvasNode) => void) {
  Taro.createSelectorQuery()
    .select('#notice-canvas')
    .fields({ node: true, size: true })
    .exec((res: Array<{ node?: CanvasNode } | null>) => {
      let node = res?.[0]?.node
      // Taro 4.2's H5 canvas has no `type` property, so its query answers no node for a 2d canvas:
      // the canvas element inside it is the node there.
      if (!node && process.env.TARO_ENV === 'h5') {
        node = (document.querySelector('#notice-canvas canvas') as CanvasNode | null) ?? undefined
      }
      if (node && typeof node.getContext === 'function') found(node)
      else if (tries > 0) setTimeout(() => findCanvas(tries - 1, found), 100)
    })
}

/**
 * The notice drawn on a 2D canvas (`#notice-canvas`). Memoised: a canvas re-rendered by its
 * platform is cleared, so it renders once per content.
 */
function NoticeCanvas({ content, onDrawn, shownWidth }: Props) {
  useEffect(() => {
    let live = true
    Taro.nextTick(() =>
      findCanvas(50, (node) => {
        if (!live) return
        drawNotice(node, content)
        onDrawn(node)
      }),
    )
    return () => {
      live = false
    }
  }, [content, onDrawn])
  const height = Math.round(shownWidth * A4_RATIO)
  return (
    <Canvas
      type="2d"
      id="notice-canvas"
      className="notice__canvas"
      style={{ width: `${shownWidth}px`, height: `${height}px` }}
      width={String(NOTICE_WIDTH)}
      height={String(Math.round(NOTICE_WIDTH * A4_RATIO))}
    />
  )
}

export default memo(NoticeCanvas)
