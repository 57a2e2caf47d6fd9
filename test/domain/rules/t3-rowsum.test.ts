import t from 'tap'
import { T3_ROWSUM } from '../../../src/domain/rules/t3-rowsum.js'
import { applicantRow, essentials, report2019, seed } from '../fixtures.js'

const columns = (row: string): string[] =>
  ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'].map((c) => `${row}/${c}`)

t.test('passes when every row total is the sum of its applicant columns', async (t) => {
  t.same(T3_ROWSUM.check({ report: seed(), previous: null }), [], 'the seed (25 rows)')
  t.same(T3_ROWSUM.check({ report: report2019(), previous: null }), [], 'a 2019 report (23 rows)')
})

t.test('fails once per row whose total is off', async (t) => {
  const cases = [
    {
      name: 'a commercial request missing from the total',
      report: seed((d) => { d.requests.outcomes.granted.commercial = 1 }),
      row: '/requests/outcomes/granted',
      expected: 4,
      actual: 3,
      blanks: [] as string[]
    },
    {
      name: 'a blank part counts as 0',
      report: seed((d) => { d.requests.newReceived.naturalPerson = null }),
      row: '/requests/newReceived',
      expected: 0,
      actual: 10,
      blanks: ['/requests/newReceived/naturalPerson']
    },
    {
      name: 'the single 2019 row of （六）其他处理',
      report: report2019((d) => { d.requests.outcomes.other = applicantRow({ naturalPerson: 1, total: 2 }) }),
      row: '/requests/outcomes/other',
      expected: 1,
      actual: 2,
      blanks: []
    }
  ]
  for (const c of cases) {
    const findings = T3_ROWSUM.check({ report: c.report, previous: null })
    t.same(findings.map(essentials), [{
      ruleId: 'T3-ROWSUM',
      severity: 'error',
      status: 'failed',
      pointers: columns(c.row),
      expected: c.expected,
      actual: c.actual,
      difference: c.actual - c.expected
    }], c.name)
    t.same(findings[0]?.context, { row: c.row, blankPointers: c.blanks }, `${c.name}: context`)
  }
})

t.test('names every addend in the message', async (t) => {
  const [finding] = T3_ROWSUM.check({ report: seed((d) => { d.requests.newReceived.naturalPerson = null }), previous: null })
  t.equal(finding?.message,
    '第三部分“本年新收”行：自然人(空白)+商业企业(0)+科研机构(0)+社会公益组织(0)+法律服务机构(0)+其他组织(0)=0，应等于总计(10)')
  t.equal(finding?.messageEn,
    'Table 3 row "newly received": natural persons (blank) + commercial enterprises (0) + research institutions (0) + ' +
    'social welfare organisations (0) + legal service institutions (0) + other organisations (0) = 0 should equal total (10)')
})

t.test('reports two broken rows as two findings', async (t) => {
  const report = seed((d) => {
    d.requests.carriedOver.research = 2
    d.requests.outcomes.unable.unclear.total = 1
  })
  t.same(T3_ROWSUM.check({ report, previous: null }).map((f) => f.context.row), ['/requests/carriedOver', '/requests/outcomes/unable/unclear'])
})
