import fc from 'fast-check'
import t from 'tap'
import { checkIdentity, checkLaidOut } from '../../src/domain/identity.js'
import type { IdentityLayout, Term, TermLayout } from '../../src/domain/identity.js'
import type { Cell } from '../../src/domain/report.js'

const RULE = { id: 'X-TEST', severity: 'error' } as const
type Source = readonly Cell[]

/** The terms of a laid-out identity as `checkIdentity` takes them, read from `source` cell by cell. */
function termsOf (terms: readonly TermLayout<Source>[], source: Source): Term[] {
  return terms.map((term) => ({
    ...term,
    label: typeof term.label === 'function' ? term.label(source) : term.label,
    cells: term.cells.map((cell) => ({ pointer: cell.pointer, value: cell.read(source) }))
  }))
}

const cell: fc.Arbitrary<Cell> = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(null), fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0.1, 0.2, 0.3, 1e16, 1))

/** A random identity over a source of 12 cells: 1–4 terms a side, each of 1–3 cells, some negated or of the prior year. */
const laidOut: fc.Arbitrary<IdentityLayout<Source>> = (() => {
  const term = fc.record({
    cells: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 3 }),
    negate: fc.boolean(),
    fromPrevious: fc.boolean(),
    named: fc.boolean()
  }).map(({ cells, negate, fromPrevious, named }): TermLayout<Source> => ({
    label: named ? (source: Source) => ({ zh: `项${String(source[0])}`, en: `term ${String(source[0])}` }) : { zh: '项', en: 'term' },
    cells: cells.map((i) => ({ pointer: `/cells/${i}`, read: (source: Source) => source[i] ?? null })),
    ...(negate ? { negate: true } : {}),
    ...(fromPrevious ? { fromPrevious: true } : {})
  }))
  return fc.record({
    expected: fc.array(term, { minLength: 1, maxLength: 4 }),
    actual: fc.array(term, { minLength: 1, maxLength: 4 }),
    context: fc.constantFrom(undefined, { column: 'total' }, (source: Source) => ({ first: source[0] }))
  }).map(({ expected, actual, context }) => ({ scope: { zh: '范围', en: 'scope' }, expected, actual, ...(context === undefined ? {} : { context }) }))
})()

t.test('a laid-out identity finds what checkIdentity finds on the terms it reads, sums in the same order included', async (t) => {
  fc.assert(fc.property(laidOut, fc.array(cell, { minLength: 12, maxLength: 12 }), (layout, source) => {
    const context = layout.context === undefined ? undefined : typeof layout.context === 'function' ? layout.context(source) : layout.context
    const expected = checkIdentity(RULE, { scope: layout.scope, expected: termsOf(layout.expected, source), actual: termsOf(layout.actual, source), context })
    return JSON.stringify(checkLaidOut(RULE, layout, source)) === JSON.stringify(expected)
  }), { numRuns: 3000, seed: 17 })
  t.pass('3000 random identities')
})
