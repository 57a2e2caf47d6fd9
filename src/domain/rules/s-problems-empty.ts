import { failed } from '../findings.js'
import type { RuleDefinition } from '../findings.js'
import { proseOf } from '../narrative.js'

/** What is not numbering, punctuation or space: what the section says. */
const CONTENT = /[^\s\p{P}\p{S}\d一二三四五六七八九十]/gu

/** The whole of a token section: "无", "暂无", "本年度无", "没有需要报告的问题" … */
const TOKEN = /^(?:本(?:机关|单位|部门|局|年度?)?)?(?:暂)?(?:无|没有|未发现)(?:相关|明显|突出|主要)?(?:问题|情况|内容|需要报告的问题|存在的问题)?$/

/**
 * Fewer characters than this, once numbering and punctuation are gone, is a token sentence: real sections 五 name
 * at least one problem and one remedy, some hundreds of characters (the seed's is 187).
 */
const MIN_CONTENT = 20

/**
 * The content of a section after NFKC (the characters `CONTENT` takes, in order), read only as far as `MIN_CONTENT`:
 * a longer content is never a token (`TOKEN` matches at most 16 characters), so the rest need not be read. NFKC of the
 * whole section is what the prose readings made: the spaces and thousands separators `normalizeProse` also removes,
 * and what `trim` removes, are not content, and NFKC combines nothing across a space.
 */
function contentOf (nfkc: string): string {
  let content = ''
  CONTENT.lastIndex = 0
  for (let match = CONTENT.exec(nfkc); match !== null && content.length < MIN_CONTENT; match = CONTENT.exec(nfkc)) content += match[0]
  return content
}

const POINTER = '/sections/problems'

/**
 * S-PROBLEMS-EMPTY (warning): section 五 (存在的主要问题及改进情况) must state the problems and their remedies
 * (《政府信息公开条例》第五十条). It is empty, says only "无"/"暂无" (or "本年度无相关问题"), or is a token sentence of
 * fewer than 20 characters of content.
 *
 * Example: `sections.problems: '无。'` → one finding, actual '无。', pointers `['/sections/problems']`; the seed's
 * 187-character section → no finding.
 */
export const S_PROBLEMS_EMPTY: RuleDefinition = {
  id: 'S-PROBLEMS-EMPTY',
  severity: 'warning',
  title: '第五部分未说明存在的主要问题及改进情况',
  titleEn: 'Section 5 does not state the problems and their remedies',
  description: 'sections.problems is empty, only "无"/"暂无", or a token sentence (fewer than 20 characters once numbering and punctuation are removed); Article 50 requires the problems and their remedies.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check (input) {
    const text = input.report.sections.problems.trim()
    const content = contentOf(proseOf(input).nfkcOf('problems'))
    if (content.length >= MIN_CONTENT) return []
    const excerpt = text.slice(0, 80)
    const kind = text === '' ? 'empty' : TOKEN.test(content) ? 'none_stated' : 'token'
    const zh = { empty: '第五部分为空', none_stated: `第五部分仅称“${excerpt}”`, token: `第五部分仅有“${excerpt}”，内容过于简略` }[kind]
    const en = {
      empty: 'Section 5 is empty',
      none_stated: `Section 5 only says "${excerpt}"`,
      token: `Section 5 is a token sentence ("${excerpt}", ${content.length} characters of content)`
    }[kind]
    return [failed(S_PROBLEMS_EMPTY, {
      message: `${zh}，未说明存在的主要问题及改进情况（《政府信息公开条例》第五十条）`,
      messageEn: `${en}: it does not state the problems and their remedies (Article 50)`,
      pointers: [POINTER],
      expected: '存在的主要问题及改进情况',
      actual: excerpt === '' ? null : excerpt,
      difference: null,
      context: { section: 'problems', quote: excerpt, kind, contentLength: content.length }
    })]
  }
}
