/**
 * Prose made to be expensive to read, sent to a real listening server: /healthz keeps answering while the reports are
 * analysed (POST /v1/validate, POST /v1/reports:bulk), every answer is the usual one, and a section over the stated
 * maximum is refused before any reading.
 */
import t from 'tap'
import { PROSE_MAX_LENGTH } from '../../src/schemas/report.js'
import { ADVERSARIAL_FAMILIES, adversarialReport, type AdversarialFamily } from '../adversarial-prose.js'
import { build, createTestDatabase, seedReport, tokenOf } from '../helper.js'

const family = (name: string): AdversarialFamily => {
  const found = ADVERSARIAL_FAMILIES.find((f) => f.name === name)
  if (found === undefined) throw new Error(`no family ${name}`)
  return found
}

t.test('/healthz answers while maximal adversarial reports are analysed', async (t) => {
  const { url } = await createTestDatabase(t)
  const app = await build(t, url)
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  const headers = { authorization: `Bearer ${tokenOf(app)}` }

  // Each section at the maximum length, in the families that took longest before the prose was read linearly.
  const heavy = ['breakdown-marks', 'mixed-keywords', 'full-width-breakdown', 'chinese-numerals']
    .map((name) => adversarialReport(seedReport(), family(name), PROSE_MAX_LENGTH))
  const bulkLines = [2021, 2022].map((year) => JSON.stringify({ ...adversarialReport(seedReport(), family('category-chain'), PROSE_MAX_LENGTH), year }))

  const running = { requests: heavy.length + 1 }
  // For each /healthz answer: its status, and whether analysis was still running when it came.
  const healthAnswers: { status: number, meanwhile: boolean }[] = []
  const done = async (response: Promise<Response>): Promise<Response> => {
    try {
      return await response
    } finally {
      running.requests--
    }
  }
  const analyses = Promise.all([
    ...heavy.map(async (report) => await done(fetch(`${base}/v1/validate`, {
      method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(report)
    }))),
    done(fetch(`${base}/v1/reports:bulk`, {
      method: 'POST', headers: { ...headers, 'content-type': 'application/x-ndjson' }, body: bulkLines.join('\n') + '\n'
    }))
  ])
  const probes = (async () => {
    while (running.requests > 0) {
      const health = await fetch(`${base}/healthz`)
      await health.text()
      healthAnswers.push({ status: health.status, meanwhile: running.requests > 0 })
    }
  })()
  const responses = await analyses
  await probes

  for (const response of responses.slice(0, heavy.length)) {
    t.equal(response.status, 200, 'each validation answers')
    const body = await response.json() as { findings: unknown[] }
    t.ok(Array.isArray(body.findings))
  }
  const bulk = responses.at(-1)
  t.equal(bulk?.status, 200, 'the bulk upload answers')
  await bulk?.text()
  const meanwhile = healthAnswers.filter((answer) => answer.meanwhile).length
  t.ok(meanwhile >= 1, `/healthz answered ${meanwhile} time(s) while the analyses ran`)
  t.ok(healthAnswers.every((answer) => answer.status === 200), 'every /healthz answer is 200')
})

t.test('a prose section over the maximum length is refused with a pointer to it', async (t) => {
  const { url } = await createTestDatabase(t)
  const app = await build(t, url)
  const report = seedReport()
  const response = await app.inject({
    method: 'POST',
    url: '/v1/validate',
    payload: { ...report, sections: { ...report.sections, problems: '无'.repeat(PROSE_MAX_LENGTH + 1) } }
  })
  t.equal(response.statusCode, 400)
  const body = response.json() as { code: string, errors: { pointer: string }[] }
  t.equal(body.code, 'VALIDATION_ERROR')
  t.ok(body.errors.some((e) => e.pointer === '/sections/problems'), 'the pointer names the section')
  const atLimit = await app.inject({
    method: 'POST',
    url: '/v1/validate',
    payload: { ...report, sections: { ...report.sections, problems: '无'.repeat(PROSE_MAX_LENGTH) } }
  })
  t.equal(atLimit.statusCode, 200, 'a section of exactly the maximum is accepted')
})
