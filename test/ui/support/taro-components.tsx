/**
 * DOM stand-ins for @tarojs/components in jsdom: each renders the element a person would meet in
 * the browser build, passing through id, className, children and taps.
 */
import { createElement, type ReactNode } from 'react'

interface Props {
  id?: string
  className?: string
  children?: ReactNode
  onClick?: (e: unknown) => void
  [key: string]: unknown
}

function element(tag: string) {
  return function TaroComponent({ id, className, children, onClick }: Props) {
    return createElement(tag, { id, className, onClick }, children)
  }
}

export const View = element('div')
export const Text = element('span')
export const Button = element('button')
export const ScrollView = element('div')
export const Image = element('img')
export const Input = element('input')
export const Textarea = element('textarea')
export const Label = element('label')
export const Form = element('form')
export const Swiper = element('div')
export const SwiperItem = element('div')
export const Icon = element('i')
export const RootPortal = element('div')
export const Slot = element('div')
export const CustomWrapper = element('div')
export const Block = ({ children }: Props) => children
