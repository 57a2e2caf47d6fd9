/** POST /v1/imports on the corpus files as published, provenance header included (see corpus.ts). */
import t from 'tap'
import { comparable, expectedReport, HONGZE_HINTS } from '../domain/import/corpus.js'
import { build, createTestDatabase } from '../helper.js'
import { corpusFile } from './corpus.js'

const { url } = await createTestDatabase(t)
const app = await build(t, url)

const importText = async (text: string, query: Record<string, string>) => await app.inject({
  method: 'POST',
  url: `/v1/imports?${new URLSearchParams(query).toString()}`,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  payload: text
})

t.test('a corpus report imports with what its text lacks given as parameters', async (t) => {
  const missing = await importText(corpusFile('010'), { kind: 'agency' })
  t.equal(missing.statusCode, 422)
  t.ok(missing.json().missing.includes('/agency/code'), 'the PDF text carries no 索引号, so the agency code is asked for')

  const { agencyCode = '', agencyName = '', regionCode = '', kind = '' } = HONGZE_HINTS
  const imported = await importText(corpusFile('010'), { agencyCode, agencyName, regionCode, kind })
  t.equal(imported.statusCode, 200)
  t.strictSame(comparable(imported.json().report)?.rest, comparable(expectedReport('010'))?.rest, 'the report of test/fixtures/corpus/010.json')
})
