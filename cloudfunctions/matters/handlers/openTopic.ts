/**
 * 开题: the committee opens a topic with its category; it starts accepted, on the next agenda
 * unless urgent.
 */
import { CATEGORIES } from '../../../domain/matters/categories'
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { authorize } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { refuseIndecent } from '../../_shared/contentCheck'
import { handler } from '../../_shared/handler'
import { placeOnAgenda } from '../agenda'
import { createMatter } from '../create'
import { loadVillage } from '../../_shared/villages'
import { updateMatter } from '../repo'

export const openTopic = handler(MATTER_SCHEMAS.openTopic, async (input, ctx) => {
  const actor = await ctx.actor()
  const who = authorize(actor, 'openTopic', { villageId: actor?.villageId ?? '' })
  await refuseIndecent(
    ctx.openid,
    [input.title, input.body],
    '议题里有不文明的用语，请修改后再提交。',
  )
  return runTransaction(ctx.db, async (t) => {
    const village = await loadVillage(t, who.villageId)
    const { matterId, fields } = await createMatter(
      t,
      who,
      { ...input, origin: 'committee', respondBy: ctx.now },
      ctx.now,
      async (id) => {
        const kind = `类别：${CATEGORIES[input.category].label}`
        if (input.urgent) return { note: `急事急办；${kind}` }
        const talkDay = await placeOnAgenda(t, ctx.db, village, id, ctx.now)
        await updateMatter(t, id, { talkDay })
        return { talkDay, note: `排入 ${talkDay} 说事日；${kind}` }
      },
    )
    return { matterId, talkDay: fields.talkDay }
  })
})
