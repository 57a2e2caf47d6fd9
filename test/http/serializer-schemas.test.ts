import SerializerSelector from '@fastify/fast-json-stringify-compiler'
import t from 'tap'
import { analyseReport } from '../../src/domain/analysis.js'
import type { AnnualReport } from '../../src/domain/report.js'
import { forSerializing } from '../../src/http/serializer-schemas.js'
import { changesJson, validationJson } from '../../src/routes/analysis/representation.js'
import { ANALYSIS_COMPONENTS, AnalysisResultSchema, ReportChangesSchema, ReportFindingsSchema } from '../../src/schemas/analysis.js'
import { report2019, report2019Previous, seed, seedPrevious } from '../domain/fixtures.js'
import { generateReports } from '../support/generate-reports.js'

t.test('unions chosen by type become type lists or nullable schemas; others are kept', async (t) => {
  t.same(forSerializing({ anyOf: [{ type: 'number' }, { type: 'null' }], description: 'd' }), { description: 'd', type: ['number', 'null'] })
  t.same(forSerializing({ anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'null' }] }), { type: ['number', 'string', 'null'] })
  t.same(forSerializing({ anyOf: [{ $id: 'X', type: 'object', properties: { a: { type: 'string' } } }, { type: 'null' }], description: 'd' }),
    { type: 'object', properties: { a: { type: 'string' } }, description: 'd', nullable: true })
  t.same(forSerializing({ type: 'array', items: { anyOf: [{ type: 'integer' }, { type: 'null' }] } }), { type: 'array', items: { type: ['integer', 'null'] } })
  const kept = [
    { anyOf: [{ const: 'a', type: 'string' }, { const: 'b', type: 'string' }] },
    { anyOf: [{ $ref: 'Finding' }, { type: 'null' }] },
    { anyOf: [{ type: 'number', minimum: 0 }, { type: 'null' }] },
    { anyOf: [{ type: 'object' }, { type: 'array' }, { type: 'null' }] }
  ]
  for (const schema of kept) t.same(forSerializing(schema), schema, JSON.stringify(schema))
  t.same(forSerializing({ properties: { anyOf: { type: 'string' } } }), { properties: { anyOf: { type: 'string' } } }, 'a property named anyOf')
})

t.test('the analyses serialise to the same JSON through the rewritten schemas', async (t) => {
  const externals = Object.fromEntries(ANALYSIS_COMPONENTS.map((schema) => [(schema as unknown as { $id: string }).$id, schema]))
  const compiler = (rewrite: boolean) => {
    const compile = SerializerSelector()(rewrite ? forSerializing(externals) as typeof externals : externals, {})
    return (schema: unknown) => compile({ schema: (rewrite ? forSerializing(schema) : schema) as object, method: 'POST', url: '/', httpStatus: '200' })
  }
  const [before, after] = [compiler(false), compiler(true)]
  const serializers = [AnalysisResultSchema, ReportChangesSchema, ReportFindingsSchema].map((schema) => [before(schema), after(schema)] as const)

  const pairs: [AnnualReport, AnnualReport | null][] = [[seed(), null], [seed(), seedPrevious()], [report2019(), report2019Previous()], [seed(), report2019Previous()]]
  let previous: AnnualReport | null = null
  for (const { body } of generateReports(300, { seed: 5, years: [2019, 2020, 2021, 2022] })) {
    pairs.push([body, previous])
    previous = body.year > 2019 ? body : null
  }
  let compared = 0
  for (const [report, prior] of pairs) {
    const analysis = analyseReport(report, prior)
    const validation = validationJson({ analysis, previous: prior === null ? null : { reportId: 7, revision: 2, year: report.year - 1 } })
    const documents = [
      validation,
      { reportId: 1, revision: 1, previous: null, computedAt: '2024-01-31T00:00:00.000Z', ...changesJson(analysis.yearOverYear) },
      { reportId: 1, revision: 1, status: validation.status, counts: validation.counts, computedAt: '2024-01-31T00:00:00.000Z', items: validation.findings.map((f, id) => ({ ...f, id, review: null })) }
    ]
    serializers.forEach(([original, rewritten], i) => {
      const expected = original(documents[i])
      if (rewritten(documents[i]) !== expected) t.fail(`differs for ${report.agency.code} ${report.year}`)
      compared++
    })
  }
  t.equal(compared, pairs.length * 3, `${compared} documents serialised alike`)
})
