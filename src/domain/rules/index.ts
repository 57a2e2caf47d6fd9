/**
 * The rule catalogue of rules.md (structure, cell values, tables 三/四/二, cross-year, metadata, narrative), in the
 * order findings are reported. S-SECTIONS belongs to the importer and is not here.
 */
import type { RuleDefinition } from '../findings.js'
import { CY_2019_PREV } from './cy-2019-prev.js'
import { CY_CARRY } from './cy-carry.js'
import { CY_IN_FORCE } from './cy-in-force.js'
import { CY_SWING } from './cy-swing.js'
import { GOV_PARTS } from './gov-parts.js'
import { M_DEADLINE } from './m-deadline.js'
import { M_INDEX } from './m-index.js'
import { N_CARRIED } from './n-carried.js'
import { N_FEE_SECTION6 } from './n-fee-section6.js'
import { N_INTERNAL } from './n-internal.js'
import { N_PCT } from './n-pct.js'
import { N_PROCESSED } from './n-processed.js'
import { N_RECEIVED } from './n-received.js'
import { N_STALE_YEAR } from './n-stale-year.js'
import { N_T2 } from './n-t2.js'
import { N_T3 } from './n-t3.js'
import { N_T4 } from './n-t4.js'
import { N_YOY_CLAIM } from './n-yoy-claim.js'
import { S_MIXED } from './s-mixed.js'
import { S_PROBLEMS_EMPTY } from './s-problems-empty.js'
import { S_TEMPLATE } from './s-template.js'
import { T2_INFORCE_GE_ISSUED } from './t2-inforce-ge-issued.js'
import { T3_BALANCE } from './t3-balance.js'
import { T3_RESULTS_SUM } from './t3-results-sum.js'
import { T3_ROWSUM } from './t3-rowsum.js'
import { T4_GROUPSUM } from './t4-groupsum.js'
import { V_BLANK } from './v-blank.js'
import { V_FEE_UNIT } from './v-fee-unit.js'

export {
  CY_2019_PREV, CY_CARRY, CY_IN_FORCE, CY_SWING, GOV_PARTS, M_DEADLINE, M_INDEX, N_CARRIED, N_FEE_SECTION6, N_INTERNAL,
  N_PCT, N_PROCESSED, N_RECEIVED, N_STALE_YEAR, N_T2, N_T3, N_T4, N_YOY_CLAIM, S_MIXED, S_PROBLEMS_EMPTY, S_TEMPLATE,
  T2_INFORCE_GE_ISSUED, T3_BALANCE, T3_RESULTS_SUM, T3_ROWSUM, T4_GROUPSUM, V_BLANK, V_FEE_UNIT
}

/**
 * Every rule, in reporting order: structure, cell values, table 三, 四, 二, cross-year, metadata, the narrative
 * rules that check the prose against the tables, then a government's summary against its departments.
 */
export const RULES: readonly RuleDefinition[] = Object.freeze([
  S_TEMPLATE,
  S_MIXED,
  S_PROBLEMS_EMPTY,
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
  M_INDEX,
  N_RECEIVED,
  N_PROCESSED,
  N_CARRIED,
  N_T3,
  N_T4,
  N_T2,
  N_PCT,
  N_YOY_CLAIM,
  N_STALE_YEAR,
  N_INTERNAL,
  N_FEE_SECTION6,
  // Last: it depends on other reports and is recomputed on its own when one of them changes (its findings come last).
  GOV_PARTS
])

const BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((rule) => [rule.id, rule]))

/**
 * Looks a rule up by its rules.md id; undefined for an unknown or out-of-scope id.
 *
 * Example: `ruleById('T3-BALANCE')?.severity` → `'error'`; `ruleById('N-RECEIVED')?.severity` → `'error'`; `ruleById('t3-balance')` → `undefined`.
 */
export function ruleById (id: string): RuleDefinition | undefined {
  return BY_ID.get(id)
}
