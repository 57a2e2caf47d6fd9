import t from 'tap'
import { dayNumber, parseIsoDate } from '../../src/domain/publication.js'

t.test('parseIsoDate accepts real YYYY-MM-DD days only', async (t) => {
  const cases: [string, { year: number, day: number } | null][] = [
    ['1970-01-01', { year: 1970, day: 0 }],
    ['2024-01-31', { year: 2024, day: 19753 }],
    ['2024-02-29', { year: 2024, day: 19782 }],
    ['2023-02-29', null],
    ['2024-02-30', null],
    ['2024-13-01', null],
    ['0050-01-01', null],
    ['2024-1-31', null],
    ['2024-01-31T00:00:00Z', null],
    ['2024年1月31日', null],
    ['', null]
  ]
  for (const [text, expected] of cases) t.same(parseIsoDate(text), expected, text || '(empty)')
})

t.test('dayNumber counts calendar days', async (t) => {
  t.equal(dayNumber(2024, 2, 5) - dayNumber(2024, 1, 31), 5)
  t.equal(dayNumber(2025, 1, 1) - dayNumber(2024, 1, 1), 366, '2024 is a leap year')
})
