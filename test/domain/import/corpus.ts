/**
 * What the importer is tested on, as the repository ships it: the seed's published text and its report JSON
 * (examples/seed-2023.txt and .json), HTML fixtures, and the report JSON each corpus report must give (test/fixtures/corpus,
 * checked cell by cell against the PDFs), with the hints their text does not carry. The corpus texts themselves
 * live outside the repository; the tests that read them are test/corpus (`npm run test:corpus`).
 */
import { readFileSync } from 'node:fs'
import type { ImportHints } from '../../../src/domain/import/index.js'
import type { AnnualReport } from '../../../src/domain/report.js'

const read = (url: URL): string => readFileSync(url, 'utf8')

/** The seed report as published (湖州市吴兴区发改经信局 2023), flattened from its HTML page: tables as `a | b | c` rows. */
export const SEED_TEXT = read(new URL('../../../examples/seed-2023.txt', import.meta.url))

/** An HTML fixture (Word/WPS export style) from test/fixtures/html. */
export function htmlFixture (name: string): string {
  return read(new URL(`../../fixtures/html/${name}.html`, import.meta.url))
}

export function expectedReport (name: string): AnnualReport {
  const url = name === 'seed-2023'
    ? new URL('../../../examples/seed-2023.json', import.meta.url)
    : new URL(`../../fixtures/corpus/${name}.json`, import.meta.url)
  return JSON.parse(read(url))
}

export const SEED_HINTS: ImportHints = { agencyName: '湖州市吴兴区发展改革和经济信息化局', regionCode: '330502', kind: 'agency' }

/**
 * The PDFs carry no 索引号, so the agency code is a hint. These are placeholders with a valid check character
 * ("PLACE" in the organisation part), not the agencies' real codes.
 */
export const HONGZE_HINTS: ImportHints = { agencyCode: '11320813PLACE00017', agencyName: '淮安市洪泽区人民政府', regionCode: '320813', kind: 'government' }
export const HUAIAN_HINTS: ImportHints = { agencyCode: '11320800PLACE0001C', agencyName: '淮安市人民政府', regionCode: '320800', kind: 'government' }

/** Every corpus report: its fixture, its text file in the corpus and its hints. */
export const CORPUS: readonly { readonly name: string, readonly text: string, readonly hints: ImportHints }[] = [
  { name: 'seed-2023', text: '000_seed', hints: SEED_HINTS },
  { name: '009', text: '009', hints: HONGZE_HINTS },
  { name: '010', text: '010', hints: HONGZE_HINTS },
  { name: '011', text: '011', hints: HUAIAN_HINTS }
]

/** Whitespace carries no meaning in Chinese prose (layout text spaces "2023 年" apart), so prose compares without it. */
export function withoutWhitespace (text: string): string {
  return text.replace(/\s+/g, '')
}

/**
 * Splits a report into its prose (whitespace removed, for comparing up to whitespace) and everything else (for
 * comparing exactly).
 */
export function comparable (report: AnnualReport | null): { prose: Record<string, string>, rest: Record<string, unknown> } | null {
  if (report === null) return null
  const { sections, ...rest } = report
  return {
    prose: { overview: withoutWhitespace(sections.overview), problems: withoutWhitespace(sections.problems), other: withoutWhitespace(sections.other) },
    rest
  }
}
