import t from 'tap'
import { PROBLEM_CODES, PROBLEMS, problemSlug } from '../../src/problems.js'
import { build, createTestDatabase } from '../helper.js'

const { url } = await createTestDatabase(t)
const app = await build(t, url)

t.test('every problem type is documented at its type URI', async (t) => {
  for (const code of PROBLEM_CODES) {
    const res = await app.inject({ url: `/problems/${problemSlug(code)}` })
    t.equal(res.statusCode, 200, `${code} has a page`)
    t.match(res.headers['content-type'], /^text\/html/)
    t.match(res.body, PROBLEMS[code].title)
    t.match(res.body, `<code>code: "${code}"</code>`)
  }
  const index = await app.inject({ url: '/problems' })
  t.equal(index.statusCode, 200)
  for (const code of PROBLEM_CODES) t.match(index.body, `href="/problems/${problemSlug(code)}"`)
})

t.test('the type of a problem a client receives leads to its page', async (t) => {
  const problem = (await app.inject({ url: '/v1/reports/77' })).json()
  t.equal(problem.type, '/problems/report-not-found')
  const page = await app.inject({ url: problem.type })
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Report not found')
  const unknown = await app.inject({ url: '/problems/no-such-thing' })
  t.equal(unknown.statusCode, 404)
  t.equal(unknown.json().code, 'PROBLEM_TYPE_NOT_FOUND')
})
