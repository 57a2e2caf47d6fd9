import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { parseReportHtml, parseReportText } from './src/domain/import/index.js'
import { sampleArbitrary } from './test/layouts/generate.js'
import { SHAPES } from './test/layouts/shapes.js'
const shape = SHAPES[process.argv[2] ?? '']!
const out = fc.check(fc.property(sampleArbitrary, (sample) => {
  const { body, contentType } = shape(sample)
  const hints = { regionCode: sample.report.agency.regionCode, kind: sample.report.kind }
  const r = contentType === 'text/html' ? parseReportHtml(body, hints) : parseReportText(body, hints)
  if (!r.complete) return false
  const w = JSON.parse(JSON.stringify(sample.report)); const g = r.report as any
  return ['template','year','proactive','requests','reviewLitigation'].every(k => isDeepStrictEqual(g[k], w[k])) && g.agency.code === w.agency.code && g.agency.name === w.agency.name
}), { seed: Number(process.argv[3] ?? 20261202), numRuns: Number(process.argv[4] ?? 25) })
if (out.failed) {
  const sample = out.counterexample![0]
  const { body, contentType } = shape(sample)
  const hints = { regionCode: sample.report.agency.regionCode, kind: sample.report.kind }
  const r = contentType === 'text/html' ? parseReportHtml(body, hints) : parseReportText(body, hints)
  if (process.argv[5] !== 'q') console.log(body)
  console.log('NOISE', JSON.stringify({ ...sample.noise, footer: undefined }))
  console.log('UNREAD', JSON.stringify(r.parse.unread.slice(0, 4).map(u => [u.pointer, u.message])))
  const w = JSON.parse(JSON.stringify(sample.report)); const g = r.report as any
  for (const k of ['template','year','proactive','requests','reviewLitigation']) if (!isDeepStrictEqual(g[k], w[k])) console.log('DIFF', k, String(JSON.stringify(g[k])).slice(0, 1500), '\nWANT', JSON.stringify(w[k]).slice(0, 1500))
  console.log('agency', JSON.stringify(g.agency), JSON.stringify(w.agency))
} else console.log('PASS')
