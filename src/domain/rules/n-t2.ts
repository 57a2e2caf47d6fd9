import { pointer } from '../cells.js'
import type { Finding, RuleDefinition } from '../findings.js'
import { matchesIn, narrativeFinding, NUMBER, proseOf, readNumber } from '../narrative.js'
import type { AnnualReport } from '../report.js'
import { PROACTIVE_ROW_LABELS } from '../tables.js'

type Row = 'regulations' | 'normativeDocuments'
type Verb = 'issued' | 'repealed' | 'inForce'

const VERBS: readonly (readonly [string, Verb])[] = [
  ['制发|印发|出台|新制定|制定', 'issued'],
  ['废止', 'repealed'],
  ['现行有效', 'inForce']
]
const VERB = VERBS.map(([words]) => words).join('|')
const VERB_PATTERNS = VERBS.map(([words, verb]) => [new RegExp(`^(?:${words})$`), verb] as const)
/** 规章制度 (internal rules) is not 规章 (government regulations). */
const OBJECT = '行政规范性文件|规范性文件|规章(?!制度)'
/** Between verb and object: no clause break, no number, no other document type ("制发规章和规范性文件" is a sum). */
const GAP = '(?:(?!规章|文件|公开)[^,:;()\\d。]){0,10}?'
const FILLER = '(?:共|共计|合计|为|达)?'

const CLAIM = new RegExp(
  `(${VERB})${GAP}(${OBJECT})${FILLER}(${NUMBER})件` +
  `|(${OBJECT})${GAP}(${VERB})${FILLER}(${NUMBER})件`
)

const VERB_LABELS: { readonly [V in Verb]: { readonly zh: string, readonly en: string } } = {
  issued: { zh: '制发', en: 'issued' },
  repealed: { zh: '废止', en: 'repealed' },
  inForce: { zh: '现行有效', en: 'in force' }
}

/** The table-二 cell a claim is about; the 2019 form has only 本年新制作 for 制发 and nothing for the others. */
function cellOf (report: AnnualReport, row: Row, verb: Verb): { pointer: string, value: number | null } | null {
  if (report.template === '2021') {
    return { pointer: pointer('proactive', row, verb), value: report.proactive[row][verb] }
  }
  if (verb !== 'issued') return null
  return { pointer: pointer('proactive', row, 'newlyMade'), value: report.proactive[row].newlyMade }
}

/**
 * N-T2 (warning): "制发/废止/现行有效 … 规范性文件（规章）X 件" must equal table 二: 本年制发件数, 本年废止件数 or
 * 现行有效件数 of 行政规范性文件 (or 规章). On the 2019 form only 制发 can be compared (本年新制作数量).
 * "公开" is not 制发 ("新增公开规章1件" says nothing about issuing), and 规章制度 is not 规章.
 *
 * Example: "废止规范性文件5件" with 行政规范性文件 本年废止 5 → no finding; with 本年废止 1 → one finding, expected 1,
 * actual 5, pointers `['/sections/overview', '/proactive/normativeDocuments/repealed']`.
 */
export const N_T2: RuleDefinition = {
  id: 'N-T2',
  severity: 'warning',
  title: '正文所述制发、废止、现行有效文件数与表二一致',
  titleEn: 'Issued, repealed and in-force documents in the prose match table 2',
  description: 'A prose claim "制发/废止/现行有效 … 规范性文件/规章 X 件" = proactive.{normativeDocuments,regulations}.{issued,repealed,inForce} (2019: newlyMade for 制发 only).',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check (input) {
    const { report } = input
    const findings: Finding[] = []
    for (const { sentence, match } of matchesIn(proseOf(input).sentencesCounting('件'), CLAIM)) {
      const verbWord = match[1] ?? match[5] ?? ''
      const objectWord = match[2] ?? match[4] ?? ''
      const claimed = readNumber(match[3] ?? match[6] ?? '')
      const verb = VERB_PATTERNS.find(([pattern]) => pattern.test(verbWord))?.[1]
      const row: Row = objectWord.startsWith('规章') ? 'regulations' : 'normativeDocuments'
      if (verb === undefined || claimed === null) continue
      const cell = cellOf(report, row, verb)
      if (cell === null || cell.value === null || cell.value === claimed) continue
      const what = `${VERB_LABELS[verb].zh}${PROACTIVE_ROW_LABELS[row].zh}`
      findings.push(narrativeFinding(N_T2, sentence, {
        message: `正文称${what}${claimed}件，但表二为${cell.value}件`,
        messageEn: `The prose says ${claimed} ${PROACTIVE_ROW_LABELS[row].en} ${VERB_LABELS[verb].en}, but table 2 shows ${cell.value}`,
        pointers: [cell.pointer],
        expected: cell.value,
        actual: claimed,
        difference: claimed - cell.value,
        context: { claimed }
      }, match.index))
    }
    return findings
  }
}
