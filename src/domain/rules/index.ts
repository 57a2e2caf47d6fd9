/**
 * The rule catalogue of rules.md (structure, cell values, tables 三/四/二, cross-year, metadata), in the order
 * findings are reported. S-SECTIONS and the N-* narrative rules belong to the importer and are not here.
 */
import type { RuleDefinition } from '../findings.js'
import { CY_2019_PREV } from './cy-2019-prev.js'
import { CY_CARRY } from './cy-carry.js'
import { CY_IN_FORCE } from './cy-in-force.js'
import { CY_SWING } from './cy-swing.js'
import { M_DEADLINE } from './m-deadline.js'
import { M_INDEX } from './m-index.js'
import { S_MIXED } from './s-mixed.js'
import { S_TEMPLATE } from './s-template.js'
import { T2_INFORCE_GE_ISSUED } from './t2-inforce-ge-issued.js'
import { T3_BALANCE } from './t3-balance.js'
import { T3_RESULTS_SUM } from './t3-results-sum.js'
import { T3_ROWSUM } from './t3-rowsum.js'
import { T4_GROUPSUM } from './t4-groupsum.js'
import { V_BLANK } from './v-blank.js'
import { V_FEE_UNIT } from './v-fee-unit.js'

export {
  CY_2019_PREV, CY_CARRY, CY_IN_FORCE, CY_SWING, M_DEADLINE, M_INDEX, S_MIXED, S_TEMPLATE,
  T2_INFORCE_GE_ISSUED, T3_BALANCE, T3_RESULTS_SUM, T3_ROWSUM, T4_GROUPSUM, V_BLANK, V_FEE_UNIT
}

/** Every rule, in reporting order: structure, cell values, table 三, 四, 二, cross-year, metadata. */
export const RULES: readonly RuleDefinition[] = Object.freeze([
  S_TEMPLATE,
  S_MIXED,
  V_BLANK,
  V_FEE_UNIT,
  T3_ROWSUM,
  T3_RESULTS_SUM,
  T3_BALANCE,
  T4_GROUPSUM,
  T2_INFORCE_GE_ISSUED,
  CY_CARRY,
  CY_IN_FORCE,
  CY_2019_PREV,
  CY_SWING,
  M_DEADLINE,
  M_INDEX
])

const BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((rule) => [rule.id, rule]))

/**
 * Looks a rule up by its rules.md id; undefined for an unknown or out-of-scope id.
 *
 * Example: `ruleById('T3-BALANCE')?.severity` → `'error'`; `ruleById('N-RECEIVED')` → `undefined`.
 */
export function ruleById (id: string): RuleDefinition | undefined {
  return BY_ID.get(id)
}
