// Prints one "N passed, N failed[, N skipped]" line summing the closing "# { total: … }" line of each tap log given.
import { readFileSync } from 'node:fs'

const totals = { pass: 0, fail: 0, skip: 0 }
for (const file of process.argv.slice(2)) {
  const closing = readFileSync(file, 'utf8').split('\n').filter((line) => /^# \{ total: [^}]*\}$/.test(line)).at(-1)
  if (closing === undefined) {
    totals.fail += 1 // a run that never reached its summary failed, whatever it printed
    continue
  }
  for (const [, key, count] of closing.matchAll(/(\w+): (\d+)/g)) {
    if (key === 'pass') totals.pass += Number(count)
    else if (key === 'fail') totals.fail += Number(count)
    else if (key === 'skip' || key === 'todo') totals.skip += Number(count)
  }
}
console.log(`${totals.pass} passed, ${totals.fail} failed${totals.skip > 0 ? `, ${totals.skip} skipped` : ''}`)
