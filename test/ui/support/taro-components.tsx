/**
 * DOM stand-ins for @tarojs/components in jsdom: each renders the element a person would meet in
 * the browser build, passing through id, className, style, role, aria-*, disabled, children and taps.
 */
import { createElement, type ReactNode } from 'react'

interface Props {
  id?: string
  className?: string
  children?: ReactNode
  onClick?: (e: unknown) => void
  [key: string]: unknown
}

/** Taro's `ariaLabel` / `aria-label` and the like, as the DOM names them. */
function passThrough(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (key === 'style' || key === 'role' || key === 'disabled' || key === 'src' || key === 'alt') {
      out[key] = value
    } else if (key.startsWith('aria-')) out[key] = value
    else if (/^aria[A-Z]/.test(key)) out[`aria-${key.slice(4).toLowerCase()}`] = value
  }
  return out
}

function element(tag: string) {
  return function TaroComponent(props: Props) {
    const { id, className, children, onClick } = props
    return createElement(tag, { id, className, onClick, ...passThrough(props) }, children)
  }
}

export const View = element('div')
export const Text = element('span')
export const Button = element('button')
export const ScrollView = element('div')
export const Image = element('img')
/** Text fields answer Taro's `onInput({ detail: { value } })` as a person types. */
function field(tag: 'input' | 'textarea') {
  return function TaroField({ id, className, value, placeholder, onInput }: Props) {
    return createElement(tag, {
      id,
      className,
      value: (value as string | undefined) ?? '',
      placeholder: placeholder as string | undefined,
      onChange: (e: { target: { value: string } }) =>
        (onInput as ((e: unknown) => void) | undefined)?.({ detail: { value: e.target.value } }),
    })
  }
}

export const Input = field('input')
export const Textarea = field('textarea')
export const Label = element('label')
export const Form = element('form')
export const Swiper = element('div')
export const SwiperItem = element('div')
export const Icon = element('i')
export const RootPortal = element('div')
export const Slot = element('div')
export const CustomWrapper = element('div')
export const Block = ({ children }: Props) => children
