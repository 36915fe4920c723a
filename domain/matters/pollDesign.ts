/**
 * The poll draft screen runs the design check live (domain/polls/design.ts `checkPollDesign`,
 * the same check `openPoll` runs): this builds its input from what the screen has — the village
 * (counts, settings, talk days), the matter (category, recorded 四议 steps) and the draft — and
 * answers the refusal in words, or none. Pure: the clock is an argument.
 */
import type { LocalDate } from '../../types/model/common'
import type { MatterCategory, Procedure, ProcedureStepKey } from '../../types/model/matter'
import type { PollBody, PollKind } from '../../types/model/poll'
import type { VillageCounts, VillageSettings } from '../../types/model/member'
import { checkPollDesign, type PollDesignInput } from '../polls/design'
import { DomainError } from '../shared/errors'

/**
 * How many would vote, from the village's counts (as the electorate frozen at opening): persons 18
 * and over for the assembly and a consultation, the representatives, one per household.
 */
export function electorateEstimate(body: PollBody, counts: VillageCounts): number {
  if (body === 'representatives') return counts.representatives
  if (body === 'households') return counts.households
  return counts.adults
}

export interface DraftDesign {
  body: PollBody
  kind: PollKind
  options: string[]
  maxSelections: number
  closesAt: Date
}

export interface DesignContext {
  village: {
    talkDays: number[]
    counts: VillageCounts
    settings: Pick<VillageSettings, 'pollNoticeDays' | 'delegation'>
  }
  matter: {
    category?: MatterCategory
    procedure: ReadonlyArray<{ step: ProcedureStepKey; date: LocalDate }>
  }
}

/** The recorded steps as the check reads them (only their dates matter to it). */
function procedureOf(steps: DesignContext['matter']['procedure']): Procedure {
  const out: Procedure = {}
  for (const s of steps) {
    out[s.step] = {
      date: s.date,
      expected: 0,
      present: 0,
      result: '',
      note: '',
      by: '',
      at: new Date(0),
    }
  }
  return out
}

export function designInput(ctx: DesignContext, draft: DraftDesign, now: Date): PollDesignInput {
  const { settings } = ctx.village
  return {
    body: draft.body,
    kind: draft.kind,
    ...(draft.kind === 'choice'
      ? { options: draft.options, maxSelections: draft.maxSelections }
      : {}),
    ...(ctx.matter.category ? { category: ctx.matter.category } : {}),
    procedure: procedureOf(ctx.matter.procedure),
    ...(settings.delegation ? { delegation: { date: settings.delegation.date } } : {}),
    openingAt: now,
    closesAt: draft.closesAt,
    talkDays: ctx.village.talkDays,
    noticeDays: settings.pollNoticeDays,
    electorateSize: electorateEstimate(draft.body, ctx.village.counts),
  }
}

/** The design check's refusal in words if the poll were opened now, or undefined when it passes. */
export function designRefusal(
  ctx: DesignContext,
  draft: DraftDesign,
  now: Date,
): string | undefined {
  try {
    checkPollDesign(designInput(ctx, draft, now))
    return undefined
  } catch (e) {
    if (e instanceof DomainError) return e.message
    throw e
  }
}
