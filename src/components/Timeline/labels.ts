/** What each timeline entry (a matter's audit record) says happened, in plain words. */
const ACTION_WORDS: Record<string, string> = {
  raiseMatter: '提出了这件事',
  openTopic: '村委会开题',
  acceptMatter: '受理，排上说事日',
  declineMatter: '不予受理',
  mergeMatter: '合并到另一件事',
  withdrawMatter: '撤回了这件事',
  changeCategory: '改了事项类别',
  recordProcedureStep: '记录了“四议”的一步',
  moveAgendaItem: '改了说事日',
  reorderAgenda: '调整了议程顺序',
  startDiscussion: '开始议事',
  recordMinutes: '记下了会议纪要',
  draftPoll: '起草了表决',
  updateDraft: '修改了表决草稿',
  openPoll: '开始表决',
  closePoll: '表决截止',
  publishTally: '公布表决结果：通过',
  returnToDiscussion: '公布表决结果，回到议事',
  recordDecision: '记录了决议',
  assignHandling: '安排了办理',
  reportProgress: '报告了办理进展',
  resolveMatter: '办结了',
  closeMatter: '关闭了这件事',
  rateMatter: '村民评价',
  // 调解: the only steps of a case on the matter's timeline (domain/mediation/rules.ts)
  openMediation: '进入调解',
  mediationAgreed: '调解完成',
  mediationEnded: '调解结束',
  // 吹哨报到: the note says the step in full (已吹哨：区水务局（…）, 区水务局已报到, 已升级到乡镇 …)
  blowWhistle: '吹哨报到',
  acknowledgeWhistle: '报到',
  reportWhistleProgress: '报告了进展',
  escalateWhistle: '超时升级',
  resolveWhistle: '办结了吹哨',
  returnWhistle: '退回了吹哨',
}

export function actionWords(action: string): string {
  return ACTION_WORDS[action] ?? '更新了这件事'
}
