/**
 * Maps positions in tsx's output back to the TypeScript source, for the CPU profile summaries (bench/harness/cpu-profile.ts):
 * tsx compiles each file to a single line, so a profile's line numbers say nothing without its source maps.
 *
 *   node --import tsx --enable-source-maps bench/harness/source-positions.ts < positions.json
 *
 * Reads `[[url, line, column], …]` (0-based, as in a .cpuprofile) on stdin, imports each module the same way the
 * profiled server did, and prints `[[line, column] | null, …]` (1-based) on stdout.
 */
import { findSourceMap } from 'node:module'
import { text } from 'node:stream/consumers'

type Position = [url: string, line: number, column: number]

const positions = JSON.parse(await text(process.stdin)) as Position[]
for (const url of new Set(positions.map(([url]) => url))) {
  await import(url)
}
const mapped = positions.map(([url, line, column]) => {
  const entry = findSourceMap(url)?.findEntry(line, column)
  return entry !== undefined && 'originalLine' in entry ? [entry.originalLine + 1, entry.originalColumn + 1] : null
})
process.stdout.write(JSON.stringify(mapped))
