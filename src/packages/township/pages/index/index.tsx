import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffView } from '../../../../../types/api/township'
import { TOWNSHIP_SCHEMAS } from '../../../../../domain/township/schemas'
import FormField from '../../../../components/FormField'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { useLoad } from '../../../../hooks/useLoad'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import { ROUTES, withQuery } from '../../../../routes'
import { useSubscribe } from '../../../../services/subscribe'
import { LinkRow } from '../../shared/parts'
import '../../shared/township.css'

const loadStaff = () => callFunction('township', 'myStaff', {})

const UNIT_KIND: Record<StaffView['unit']['kind'], string> = {
  district: '区',
  township: '乡镇（街道）',
  department: '部门（站所）',
}

/**
 * 乡镇/部门工作台 (one `township.myStaff` call): the units the caller works for, each with what it
 * does there; a township's staff go to its 需求清单, 服务清单, 台账 and 数据看板, the district's
 * staff to the district's 数据看板, and each unit's staff to its 吹哨事项 — with 「有吹哨时提醒我」,
 * WeChat's one-time subscription for that staff record (the next whistle blown to the department,
 * or escalated to the township or district). Someone with no staff record yet enters the 启用码
 * the district handed them.
 */
export default function Workbench() {
  const [state, reload] = useLoad(loadStaff)
  const [claimed, setClaimed] = useState<StaffView>()
  return (
    <Screen className="township">
      <LoadView state={state} onRetry={reload}>
        {({ staff }) => {
          const all =
            claimed && !staff.some((s) => s.id === claimed.id) ? [...staff, claimed] : staff
          return all.length === 0 ? (
            <ClaimStaff onClaimed={setClaimed} />
          ) : (
            <View className="tw__page" id="tw-home">
              <Text className="tw__title">工作台</Text>
              {all.map((s) => (
                <Unit key={s.id} staff={s} />
              ))}
            </View>
          )
        }}
      </LoadView>
    </Screen>
  )
}

function Unit({ staff: s }: { staff: StaffView }) {
  const query: Record<string, string> =
    s.unit.kind === 'township' ? { townshipId: s.unit.townshipId } : {}
  const go = (route: Parameters<typeof withQuery>[0]) =>
    void Taro.navigateTo({ url: withQuery(route, query) })
  return (
    <View className="tw__card" id={`tw-unit-${s.id}`}>
      <Text className="tw__section">{s.unitName}</Text>
      <Text className="tw__meta">
        {UNIT_KIND[s.unit.kind]}　{s.name}　{s.role === 'admin' ? '管理员' : '工作人员'}
      </Text>
      {s.unit.kind === 'township' ? (
        <View>
          <LinkRow
            id={`tw-needs-${s.id}`}
            label="需求清单"
            hint="村里提的需求：匹配服务、代服务方认领"
            onTap={() => go(ROUTES.townshipNeeds)}
          />
          <LinkRow
            id={`tw-services-${s.id}`}
            label="服务清单"
            hint="社会组织、企业、在职党员提供的服务"
            onTap={() => go(ROUTES.townshipServices)}
          />
          <LinkRow
            id={`tw-ledger-${s.id}`}
            label="台账"
            hint="对接好的需求和服务：进展、办结、导出"
            onTap={() => go(ROUTES.townshipLedger)}
          />
          <LinkRow
            id={`tw-dashboard-${s.id}`}
            label="数据看板"
            hint="本乡镇（街道）每月的响应率、解决率、满意率"
            onTap={() =>
              void Taro.navigateTo({
                url: withQuery(ROUTES.dashboard, { unit: 'township', ...query }),
              })
            }
          />
        </View>
      ) : null}
      {s.unit.kind === 'district' ? (
        <LinkRow
          id={`tw-dashboard-${s.id}`}
          label="数据看板"
          hint="全区每月的响应率、解决率、满意率"
          onTap={() =>
            void Taro.navigateTo({ url: withQuery(ROUTES.dashboard, { unit: 'district' }) })
          }
        />
      ) : null}
      <LinkRow
        id={`tw-whistles-${s.id}`}
        label="吹哨事项"
        hint={
          s.unit.kind === 'department'
            ? '村里向本单位吹哨的事：报到、反馈、办结'
            : '部门超时没有报到、升级到这里的事'
        }
        onTap={() =>
          void Taro.navigateTo({ url: withQuery(ROUTES.townshipWhistles, { staffId: s.id }) })
        }
      />
      <NotifyRow staff={s} />
    </View>
  )
}

/** 订阅消息 for one staff record: the next whistle its unit must answer. */
function NotifyRow({ staff: s }: { staff: StaffView }) {
  const notify = useSubscribe('staff', s.id)
  return (
    <LinkRow
      id={`tw-notify-${s.id}`}
      label="有吹哨时提醒我"
      hint={
        notify.busy
          ? '正在设置…'
          : (notify.words ??
            (s.unit.kind === 'department'
              ? '村里向本单位吹哨时，用微信消息提醒一次'
              : '吹哨超时转到这里时，用微信消息提醒一次'))
      }
      onTap={() => {
        if (!notify.busy) void notify.ask()
      }}
    />
  )
}

/** 工作人员启用: the one-time 启用码 of a staff record makes the caller that staff member. */
function ClaimStaff({ onClaimed }: { onClaimed: (s: StaffView) => void }) {
  const form = useSchemaForm(TOWNSHIP_SCHEMAS.claimStaff, { code: '' })
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()

  const submit = async () => {
    setFailure(undefined)
    const input = form.check()
    if (!input) return
    setBusy(true)
    const res = await callFunction('township', 'claimStaff', input)
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    void Taro.showToast({ title: '启用成功', icon: 'none' })
    onClaimed(res.data)
  }

  return (
    <View className="tw__page" id="tw-claim">
      <Text className="tw__title">工作人员启用</Text>
      <Text className="tw__line">
        乡镇（街道）、部门的工作人员第一次使用时，请输入区里发给您的 12 位启用码。
      </Text>
      <FormField id="tw-claim-code" label="启用码（12 位）" error={form.errors.code}>
        <Input
          id="tw-claim-code"
          className="tw__input"
          value={form.values.code}
          maxlength={20}
          placeholder="例如 ABCD-EFGH-JKLM"
          onInput={(e) => form.set('code', e.detail.value)}
        />
      </FormField>
      {failure && (
        <Text className="tw__failure" id="tw-claim-failure">
          {failure}
        </Text>
      )}
      <Button
        id="tw-claim-submit"
        type="primary"
        size="large"
        block
        loading={busy}
        onClick={submit}
      >
        启用
      </Button>
    </View>
  )
}
