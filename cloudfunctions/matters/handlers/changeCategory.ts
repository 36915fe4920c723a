/**
 * The committee changes a matter's category (audited, from/to the category keys, the note names
 * both). Refused once a poll on the matter has opened: opening a poll writes the matter
 * (`pollOpenedAt`) and so does this, so the two conflict and never both pass.
 */
import { CATEGORIES } from '../../../domain/matters/categories'
import { checkCategoryChange } from '../../../domain/matters/procedure'
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { handler } from '../../_shared/handler'
import { actOnMatter } from '../change'

export const changeCategory = handler(MATTER_SCHEMAS.changeCategory, async (input, ctx) => {
  return actOnMatter(ctx, input.matterId, 'changeCategory', async (matter) => {
    checkCategoryChange(matter, input.category)
    const label = (k: typeof matter.category) =>
      k && CATEGORIES[k] ? CATEGORIES[k].label : '未分类'
    return {
      patch: { category: input.category },
      entry: {
        from: matter.category,
        to: input.category,
        note: `类别由“${label(matter.category)}”改为“${label(input.category)}”`,
      },
      result: { ok: true as const },
    }
  })
})
