/**
 * The one place the polls function meets the rules of issue #10 it does not own (the contract in
 * POLLS-CONTRACT.md): the tally rules, the design check, the canonical ballot list and its
 * digest, and the export format.
 */
export { judgeChoice, judgeTally, RULE_VERSION } from '../../domain/polls/rules'
export { checkPollDesign, defaultClosingTime } from '../../domain/polls/design'
export { ballotDigest } from '../_shared/digest'
export { ballotsCsv } from '../../domain/polls/export'
