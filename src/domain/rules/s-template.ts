import { failed } from '../findings.js'
import type { RuleDefinition } from '../findings.js'
import type { Template } from '../report.js'

/** The circular that introduced each national form. */
const CIRCULARS: { readonly [T in Template]: string } = {
  2021: '国办公开办函〔2021〕30号',
  2019: '国办公开办函〔2019〕60号'
}

/**
 * S-TEMPLATE (error): a report for 2021 or later follows the 2021 form, one for 2020 or earlier the 2019 form.
 *
 * Example: `{ year: 2023, template: '2019' }` → one finding, expected `'2021'`, actual `'2019'`,
 * pointers `['/template', '/year']`.
 */
export const S_TEMPLATE: RuleDefinition = {
  id: 'S-TEMPLATE',
  severity: 'error',
  title: '报告模板与报告年度相符',
  titleEn: 'Template matches the report year',
  description: 'year >= 2021 => template "2021" (国办公开办函〔2021〕30号); year <= 2020 => template "2019" (国办公开办函〔2019〕60号).',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check ({ report }) {
    const expected: Template = report.year >= 2021 ? '2021' : '2019'
    if (report.template === expected) return []
    return [failed(S_TEMPLATE, {
      message: `${report.year}年度报告应采用${expected}年模板（${CIRCULARS[expected]}），实际采用${report.template}年模板`,
      messageEn: `A report for ${report.year} should follow the ${expected} template (${CIRCULARS[expected]}), but follows the ${report.template} template`,
      pointers: ['/template', '/year'],
      expected,
      actual: report.template,
      difference: null
    })]
  }
}
