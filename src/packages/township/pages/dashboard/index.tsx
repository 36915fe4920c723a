import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { getCurrentInstance } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type {
  DashboardMonth,
  DashboardUnit,
  DashboardView,
  RateFigure,
} from '../../../../../types/api/township'
import { inShanghai } from '../../../../../domain/shared/time'
import LoadView from '../../../../components/LoadView'
import { FOCUSABLE } from '../../../../components/MatterItem'
import Screen from '../../../../components/Screen'
import { useLoad } from '../../../../hooks/useLoad'
import { callFunction } from '../../../../services/cloud'
import { townshipChoice } from '../../shared/township'
import { monthWords, shiftMonth } from '../../shared/words'
import '../../shared/township.css'
import './index.css'

type RateKey = keyof DashboardView['definitions']

const RATE_KEYS: readonly RateKey[] = ['responseRate', 'resolutionRate', 'satisfactionRate']

const UNIT_WORDS: Record<DashboardUnit, string> = {
  village: '本村',
  township: '本乡镇（街道）',
  district: '全区',
}

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/

/** `?unit=village|township|district&month=YYYY-MM` (and `townshipId`, passed on as the lists do). */
function query(): { unit: DashboardUnit; month?: string } {
  const params = getCurrentInstance().router?.params ?? {}
  const unit = params.unit === 'township' || params.unit === 'district' ? params.unit : 'village'
  const month = params.month ? decodeURIComponent(params.month) : undefined
  return { unit, ...(month && MONTH_KEY.test(month) ? { month } : {}) }
}

/** Nothing counted: a dash, never 0%. */
const rateText = (r: RateFigure): string => (r.denominator > 0 ? r.text : '—')

/** What a rate's two numbers count, in words: the whole, then the part. */
const COUNT_WORDS: Record<RateKey, (r: RateFigure) => string> = {
  responseRate: (r) => `到期 ${r.denominator} 件，按时答复 ${r.numerator} 件`,
  resolutionRate: (r) => `受理 ${r.denominator} 件，已经办结 ${r.numerator} 件`,
  satisfactionRate: (r) => `收到评价 ${r.denominator} 个，打 4 分或 5 分的 ${r.numerator} 个`,
}

/** A month of the twelve: the rate with its numerator/denominator, or 暂无数据. */
const seriesText = (r: RateFigure): string =>
  r.denominator > 0 ? `${r.text}（${r.numerator}/${r.denominator}）` : '暂无数据'

/** How wide a bar is: the rate, 0 when nothing was counted. */
const barWidth = (r: RateFigure): string =>
  r.denominator > 0 ? `${Math.round((r.numerator / r.denominator) * 1000) / 10}%` : '0%'

/**
 * 数据看板 (one `township.getDashboard` call a month): the caller's own village, township or
 * district — the month's 响应率 / 解决率 / 满意率 with what they count, 本月提事, the two lists'
 * matches, 超时未报到 by department, then the twelve months as plain bars with their figures
 * beside them (read without colour), and what each rate means.
 */
export default function Dashboard() {
  const [{ unit, month: asked }] = useState(query)
  const [choice] = useState(townshipChoice)
  const [month, setMonth] = useState(asked)
  const [state, reload] = useLoad(() =>
    callFunction('township', 'getDashboard', { unit, ...choice, ...(month ? { month } : {}) }),
  )
  // Another month chosen: read it (useLoad runs the loader of the latest render); the first
  // render's month is read by useLoad itself.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) first.current = false
    else reload()
  }, [month, reload])
  const thisMonth = inShanghai(Date.now()).format('YYYY-MM')
  return (
    <Screen className="township">
      <LoadView state={state} onRetry={reload}>
        {(view) => (
          <View className="tw__page" id="db-page">
            <Text className="tw__title" id="db-title">
              {UNIT_WORDS[view.unit]}数据看板
            </Text>
            <Text className="db__month" id="db-month">
              {monthWords(view.current.month)}
            </Text>
            {view.unit !== 'village' && (
              <Text className="tw__meta">共 {view.villages} 个村的数字</Text>
            )}
            {/* The month buttons take keyboard focus in H5 (NutUI's Button does not by itself):
                the page is long, and its scrolling region must hold something focusable. */}
            <View className="tw__buttons">
              <Button
                {...FOCUSABLE}
                id="db-prev"
                size="large"
                block
                onClick={() => setMonth(shiftMonth(view.current.month, -1))}
              >
                ‹ 上个月
              </Button>
              {/* The months to come have no figures: no button (a greyed one is hard to read). */}
              {view.current.month < thisMonth && (
                <Button
                  {...FOCUSABLE}
                  id="db-next"
                  size="large"
                  block
                  onClick={() => setMonth(shiftMonth(view.current.month, 1))}
                >
                  下个月 ›
                </Button>
              )}
            </View>
            <Month view={view} />
            <Series view={view} />
            <Definitions view={view} />
          </View>
        )}
      </LoadView>
    </Screen>
  )
}

function Month({ view }: { view: DashboardView }) {
  const m: DashboardMonth = view.current
  return (
    <View id="db-current">
      <View className="db__rates">
        {RATE_KEYS.map((key) => {
          const r = m[key]
          return (
            <View className="tw__card db__rate" id={`db-${key}`} key={key}>
              <Text className="db__label">{view.definitions[key].label}</Text>
              <Text className="db__big" id={`db-${key}-text`}>
                {rateText(r)}
              </Text>
              <Text className="tw__line" id={`db-${key}-count`}>
                {r.denominator > 0 ? `${r.numerator}/${r.denominator}` : '暂无数据'}
              </Text>
              {r.denominator > 0 && (
                <Text className="tw__line" id={`db-${key}-words`}>
                  {COUNT_WORDS[key](r)}
                </Text>
              )}
            </View>
          )
        })}
      </View>
      <View className="tw__card" id="db-raised">
        <Text className="db__label">本月提事</Text>
        <Text className="db__big">{m.raised} 件</Text>
      </View>
      <View className="tw__card" id="db-matches">
        <Text className="db__label">两张清单</Text>
        <Text className="tw__text">对接 {m.matchesMade} 件</Text>
        <Text className="tw__text">完成 {m.matchesCompleted} 件</Text>
      </View>
      <View className="tw__card" id="db-overdue">
        <Text className="db__label">超时未报到</Text>
        {m.overdueByDepartment.length === 0 ? (
          <Text className="tw__line">本月没有超时未报到的吹哨</Text>
        ) : (
          m.overdueByDepartment.map((d) => (
            <Text className="tw__line" key={d.departmentId} id={`db-overdue-${d.departmentId}`}>
              {d.name}：{d.count} 件
            </Text>
          ))
        )}
      </View>
    </View>
  )
}

/** The twelve months, oldest first, one group of bars per rate. */
function Series({ view }: { view: DashboardView }) {
  return (
    <View id="db-series">
      <Text className="tw__section">近十二个月</Text>
      {RATE_KEYS.map((key) => (
        <View className="tw__card" id={`db-series-${key}`} key={key}>
          <Text className="db__label">{view.definitions[key].label}</Text>
          {view.series.map((m) => {
            const r = m[key]
            return (
              <View className="db__bar-row" key={m.month} id={`db-series-${key}-${m.month}`}>
                <Text className="db__bar-month">{monthWords(m.month)}</Text>
                <View className="db__bar-track" aria-hidden>
                  <View className="db__bar" style={{ width: barWidth(r) }} />
                </View>
                <Text className="db__bar-text">{seriesText(r)}</Text>
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}

function Definitions({ view }: { view: DashboardView }) {
  return (
    <View id="db-definitions">
      <Text className="tw__section">这些数字怎么算</Text>
      {RATE_KEYS.map((key) => (
        <View className="tw__card" key={key}>
          <Text className="db__label">{view.definitions[key].label}</Text>
          <Text className="tw__line">{view.definitions[key].definition}</Text>
        </View>
      ))}
    </View>
  )
}
