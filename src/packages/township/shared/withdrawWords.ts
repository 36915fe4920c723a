/**
 * What 撤回 and 撤回认领 say on the township's lists (the button itself is the main package's
 * AskFirstButton, shared with the committee's 需求与服务).
 */
import type { AskFirstWords } from '../../../components/AskFirstButton'

/** What each withdrawal asks before and says after (WeChat's buttons hold at most 4 characters). */
export const WITHDRAW_WORDS: Record<'claim' | 'service', AskFirstWords> = {
  claim: {
    label: '撤回认领',
    title: '撤回认领',
    content: '撤回后，这条需求和这项服务都回到“待认领”，可以重新对接。确定撤回吗？',
    confirmText: '撤回认领',
    done: '已撤回认领',
  },
  service: {
    label: '撤回这项服务',
    title: '撤回服务',
    content: '撤回后，这项服务不再出现在服务清单上，村里也不能再认领。确定撤回吗？',
    confirmText: '撤回',
    done: '服务已撤回',
  },
}
