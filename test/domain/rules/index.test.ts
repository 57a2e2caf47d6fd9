import t from 'tap'
import { RULES, ruleById } from '../../../src/domain/rules/index.js'

const IDS = [
  'S-TEMPLATE', 'S-MIXED', 'S-PROBLEMS-EMPTY', 'V-BLANK', 'V-FEE-UNIT', 'T3-ROWSUM', 'T3-RESULTS-SUM', 'T3-BALANCE', 'T4-GROUPSUM',
  'T2-INFORCE-GE-ISSUED', 'CY-CARRY', 'CY-IN-FORCE', 'CY-2019-PREV', 'CY-SWING', 'M-DEADLINE', 'M-INDEX',
  'N-RECEIVED', 'N-PROCESSED', 'N-CARRIED', 'N-T3', 'N-T4', 'N-T2', 'N-PCT', 'N-YOY-CLAIM', 'N-STALE-YEAR', 'N-INTERNAL', 'N-FEE-SECTION6',
  'GOV-PARTS'
]

t.test('RULES holds the catalogue in reporting order', async (t) => {
  t.same(RULES.map((rule) => rule.id), IDS)
  t.ok(Object.isFrozen(RULES))
})

t.test('every rule is described and says which templates and data it needs', async (t) => {
  for (const rule of RULES) {
    t.ok(rule.title.length > 0 && rule.titleEn.length > 0 && rule.description.length > 0, `${rule.id}: titles and description`)
    t.ok(rule.templates.length > 0 && rule.templates.every((tpl) => tpl === '2021' || tpl === '2019'), `${rule.id}: templates`)
    t.equal(rule.needsPrevious, rule.id.startsWith('CY-') || rule.id === 'N-YOY-CLAIM', `${rule.id}: needsPrevious`)
  }
  t.same(Object.fromEntries(RULES.map((rule) => [rule.id, rule.severity])), {
    'S-TEMPLATE': 'error',
    'S-MIXED': 'warning',
    'S-PROBLEMS-EMPTY': 'warning',
    'V-BLANK': 'warning',
    'V-FEE-UNIT': 'info',
    'T3-ROWSUM': 'error',
    'T3-RESULTS-SUM': 'error',
    'T3-BALANCE': 'error',
    'T4-GROUPSUM': 'error',
    'T2-INFORCE-GE-ISSUED': 'warning',
    'CY-CARRY': 'error',
    'CY-IN-FORCE': 'warning',
    'CY-2019-PREV': 'warning',
    'CY-SWING': 'info',
    'M-DEADLINE': 'warning',
    'M-INDEX': 'info',
    'N-RECEIVED': 'error',
    'N-PROCESSED': 'warning',
    'N-CARRIED': 'warning',
    'N-T3': 'warning',
    'N-T4': 'warning',
    'N-T2': 'warning',
    'N-PCT': 'warning',
    'N-YOY-CLAIM': 'warning',
    'N-STALE-YEAR': 'warning',
    'N-INTERNAL': 'warning',
    'N-FEE-SECTION6': 'warning',
    'GOV-PARTS': 'warning'
  }, 'severities as in rules.md')
})

t.test('ruleById finds a rule by its id', async (t) => {
  for (const id of IDS) t.equal(ruleById(id)?.id, id, id)
  t.equal(ruleById('S-SECTIONS'), undefined, 'the importer\'s rule is not in the domain catalogue')
  t.equal(ruleById('t3-balance'), undefined, 'ids are exact')
})
