import { failed } from '../findings.js'
import type { Finding, RuleDefinition } from '../findings.js'
import { PROACTIVE_ROW_LABELS } from '../tables.js'

const ROWS = ['regulations', 'normativeDocuments'] as const

/**
 * T2-INFORCE-GE-ISSUED (warning), 2021 form: 现行有效件数 ≥ 本年制发件数 for 规章 and 行政规范性文件 — what was issued
 * this year is normally still in force at year end. A blank cell leaves the row unassessed (this is a
 * comparison, not a sum, so a blank is not read as 0). One finding per failing row.
 *
 * Example: `normativeDocuments = { issued: 3, repealed: 0, inForce: 1 }` → expected 3, actual 1, difference −2,
 * pointers `['/proactive/normativeDocuments/issued', '/proactive/normativeDocuments/inForce']`.
 */
export const T2_INFORCE_GE_ISSUED: RuleDefinition = {
  id: 'T2-INFORCE-GE-ISSUED',
  severity: 'warning',
  title: '表二现行有效件数不少于本年制发件数',
  titleEn: 'Table 2: documents in force at least those issued',
  description: 'Template "2021": proactive.regulations.inForce >= proactive.regulations.issued, and likewise for proactive.normativeDocuments.',
  templates: ['2021'],
  needsPrevious: false,
  check ({ report }) {
    if (report.template !== '2021') return []
    const proactive = report.proactive
    return ROWS.flatMap((row): Finding[] => {
      const { issued, inForce } = proactive[row]
      if (issued === null || inForce === null || inForce >= issued) return []
      const label = PROACTIVE_ROW_LABELS[row]
      return [failed(T2_INFORCE_GE_ISSUED, {
        message: `第二部分“${label.zh}”：现行有效件数(${inForce})少于本年制发件数(${issued})，本年制发的文件一般仍在有效期内`,
        messageEn: `Table 2 "${label.en}": documents in force (${inForce}) are fewer than those issued this year (${issued})`,
        pointers: [`/proactive/${row}/issued`, `/proactive/${row}/inForce`],
        expected: issued,
        actual: inForce,
        difference: inForce - issued,
        context: { row }
      })]
    })
  }
}
