/**
 * Every prose rule against tables of real-shaped sentences: the phrasings it must match (with the numbers it must
 * use) and the ones it must leave alone. The report is the seed (2023, agency; 本年新收 10, 上年结转 0, 办理结果总计 9,
 * 结转下年度 1, 予以公开 3, 无法提供 6; 行政复议 1 (维持 1), 行政诉讼 0; 行政规范性文件 制发 0, 废止 1, 现行有效 2) with the
 * sentence as its only prose in the named section, and each rule is run alone.
 */
import t from 'tap'
import type { Finding, RuleDefinition } from '../../../src/domain/findings.js'
import type { Report2021 } from '../../../src/domain/report.js'
import {
  M_DEADLINE, N_CARRIED, N_INTERNAL, N_PCT, N_PROCESSED, N_RECEIVED, N_STALE_YEAR, N_T2, N_T3, N_T4, S_PROBLEMS_EMPTY
} from '../../../src/domain/rules/index.js'
import { type Draft, seed } from '../fixtures.js'

/** A sentence, the numbers the rule must report for it (null: no finding), and where it stands. */
interface Row {
  readonly text: string
  readonly fires: { readonly expected: number | string, readonly actual: number | string | null } | null
  readonly section?: 'overview' | 'problems' | 'other'
  readonly edit?: (draft: Draft<Report2021>) => void
}

/** Long enough for S-PROBLEMS-EMPTY, and about nothing the other rules read. */
const PROBLEMS = '信息公开的及时性、全面性有待加强，政务公开制度有待完善。针对存在的不足，我局将加强培训，提高信息质量。'

function reportWith (row: Row): Report2021 {
  return seed((d) => {
    d.sections = { overview: '', problems: PROBLEMS, other: '未收取信息处理费。' }
    d.sections[row.section ?? 'overview'] = row.text
    row.edit?.(d)
  })
}

function check (rule: RuleDefinition, rows: readonly Row[]): void {
  t.test(rule.id, async (t) => {
    for (const row of rows) {
      const findings: Finding[] = rule.check({ report: reportWith(row), previous: null }).filter((f) => f.status === 'failed')
      if (row.fires === null) {
        t.same(findings.map((f) => f.message), [], `no finding: ${row.text}`)
        continue
      }
      t.equal(findings.length, 1, `one finding: ${row.text}`)
      t.same(findings.map((f) => [f.expected, f.actual]), [[row.fires.expected, row.fires.actual]], `numbers used: ${row.text}`)
    }
  })
}

check(N_RECEIVED, [
  { text: '全年共收到政府信息公开申请10件', fires: null },
  { text: '本年度受理依申请公开10件', fires: null },
  { text: '收到申请信息公开件共13件', fires: { expected: 10, actual: 13 } },
  { text: '共受理政府信息公开申请12件，均已按时答复', fires: { expected: 10, actual: 12 } },
  { text: '新收政府信息公开申请十二件', fires: { expected: 10, actual: 12 } },
  { text: '收到行政复议申请3件', fires: null },
  { text: '共收到申请10件，其中网上申请受理4件', fires: null },
  {
    text: '区政府办代表区政府受理政府信息公开申请17件',
    fires: null,
    edit: (d) => { d.kind = 'government' }
  }
])

check(N_PROCESSED, [
  { text: '全年办结政府信息公开申请9件', fires: null },
  { text: '已答复申请9件，结转下年度办理1件', fires: null },
  { text: '共答复政府信息公开申请8件', fires: { expected: 9, actual: 8 } },
  { text: '申请中同意公开答复3件，部分公开答复0件', fires: null },
  { text: '共办结申请9件，其中同意公开答复3件', fires: null },
  { text: '答复申请人予以公开3件', fires: null },
  { text: '结转下年度继续办理2件', fires: { expected: 1, actual: 2 } },
  { text: '结转下年度继续办理1件', fires: null },
  { text: '另有2件顺延到下年度答复', fires: { expected: 1, actual: 2 } },
  { text: '答复群众咨询留言30件', fires: null }
])

check(N_CARRIED, [
  { text: '上年结转申请5件', fires: { expected: 0, actual: 5 } },
  { text: '上年度结转政府信息公开申请0件', fires: null },
  { text: '2022年结转的申请2件', fires: { expected: 0, actual: 2 } },
  { text: '上一年度结转至本年度办理的申请3件', fires: { expected: 0, actual: 3 } },
  { text: '结转下年度办理1件', fires: null },
  { text: '2021年结转申请2件', fires: null },
  { text: '上年结转行政复议案件1件', fires: null },
  {
    text: '共收到申请13件，其中上年结转3件',
    fires: null,
    edit: (d) => { d.requests.carriedOver.total = 3 }
  }
])

check(N_T3, [
  { text: '予以公开3件，无法提供6件', fires: null },
  { text: '其中同意公开3件', fires: null },
  { text: '不予公开2件', fires: { expected: 0, actual: 2 } },
  { text: '予以公开及部分公开共3件', fires: null },
  { text: '予以公开和部分公开4件', fires: { expected: 3, actual: 4 } },
  { text: '主动予以公开信息20件', fires: null }
])

check(N_T4, [
  { text: '全年发生政府信息公开行政复议1件，结果维持1件', fires: null },
  { text: '行政复议2件', fires: { expected: 1, actual: 2 } },
  { text: '行政诉讼1件', fires: { expected: 0, actual: 1 } },
  { text: '共办理行政复议、行政诉讼案件1件', fires: null },
  { text: '共办理行政复议、行政诉讼案件3件', fires: { expected: 1, actual: 3 } },
  { text: '全年未发生行政复议、行政诉讼案件', fires: { expected: 1, actual: 0 } },
  { text: '全年未发生行政诉讼案件', fires: null },
  {
    text: '全年发生行政复议1件、行政诉讼0件。共办理相关案件1件',
    fires: null
  },
  { text: '全年发生行政复议1件、行政诉讼0件。共办理相关案件2件', fires: { expected: 1, actual: 2 } },
  { text: '行政复议均获维持', fires: null }
])

check(N_T2, [
  { text: '废止规范性文件1件', fires: null },
  { text: '废止行政规范性文件3件', fires: { expected: 1, actual: 3 } },
  { text: '现行有效规范性文件2件', fires: null },
  { text: '新增公开规章1件', fires: null },
  { text: '制定内部规章制度5件', fires: null }
])

check(N_PCT, [
  { text: '共收到申请10件，其中予以公开3件，占30%', fires: null },
  { text: '共收到申请10件，其中予以公开3件，占50%', fires: { expected: 30, actual: 50 } },
  { text: '予以公开3件，占30%', fires: null }
])

check(N_STALE_YEAR, [
  { text: '2022年,我局顺利完成政府信息公开工作的各项任务', section: 'problems', fires: { expected: 2023, actual: 2022 } },
  { text: '（一）2022年工作中存在问题的改进情况', section: 'problems', fires: null },
  { text: '2022年度报告中指出的问题已全部整改到位', section: 'problems', fires: null },
  { text: '2022年，针对政策解读形式单一的问题，我局丰富了解读形式', section: 'problems', fires: null },
  { text: '2022年，我局取得一定成效，但仍存在一些问题', section: 'problems', fires: { expected: 2023, actual: 2022 } },
  { text: '2021年存在问题的整改情况', section: 'problems', fires: { expected: 2023, actual: 2021 } },
  { text: '2024年，我局将进一步加强培训', section: 'problems', fires: null },
  { text: '2018年以来，我局持续推进政务公开', fires: null }
])

check(N_INTERNAL, [
  { text: '全年发布信息20条，其中工作动态12、通知公告5、政策解读3条', fires: null },
  { text: '全年发布信息20条，其中工作动态12、通知公告8、政策解读3', fires: { expected: 20, actual: 23 } },
  { text: '全年发布信息20条，其中工作动态12条、通知公告8条、政策解读3条', fires: { expected: 20, actual: 23 } },
  { text: '全年公开信息共60条。其中,涉及重大建设项目领域信息59条,发布通知公告共24条', fires: { expected: 60, actual: 83 } },
  { text: '全年发布信息20条，其中第1、2季度较多', fires: null },
  { text: '共收到申请13件。其中信函申请共10件,其中无法提供6件,同意公开3件,结转1件', fires: null }
])

check(S_PROBLEMS_EMPTY, [
  { text: '', section: 'problems', fires: { expected: '存在的主要问题及改进情况', actual: null } },
  { text: '无。', section: 'problems', fires: { expected: '存在的主要问题及改进情况', actual: '无。' } },
  { text: '暂无', section: 'problems', fires: { expected: '存在的主要问题及改进情况', actual: '暂无' } },
  { text: '本年度无相关问题。', section: 'problems', fires: { expected: '存在的主要问题及改进情况', actual: '本年度无相关问题。' } },
  { text: '（一）存在问题：无。（二）改进情况：无。', section: 'problems', fires: { expected: '存在的主要问题及改进情况', actual: '（一）存在问题：无。（二）改进情况：无。' } },
  { text: PROBLEMS, section: 'problems', fires: null }
])

check(M_DEADLINE, [
  {
    text: '（2024年2月5日）\n一、总体情况\n…',
    fires: { expected: '2024-01-31', actual: '2024-02-05' },
    edit: (d) => { d.publication = {} }
  },
  {
    text: '（2024年1月20日）\n一、总体情况\n…',
    fires: null,
    edit: (d) => { d.publication = {} }
  },
  {
    text: '如对报告有疑问，请联系办公室。\n湖州市吴兴区发改经信局\n2024年3月1日',
    section: 'other',
    fires: { expected: '2024-01-31', actual: '2024-03-01' },
    edit: (d) => { d.publication = {} }
  },
  {
    text: '（2024年2月5日）\n一、总体情况',
    fires: null,
    edit: (d) => { d.publication = { documentDate: '2024-01-31' } }
  },
  {
    text: '本报告统计期限自2023年1月1日起至2023年12月31日止',
    fires: null,
    edit: (d) => { d.publication = {} }
  }
])
