/** Figures and where they go: rounding, medians and percentiles, and the JSON file of a run in bench/results/ (git-ignored). */
import { mkdirSync, writeFileSync } from 'node:fs'

export const RESULTS = new URL('../results/', import.meta.url)

export function round (value: number, digits = 0): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

export function median (values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] ?? NaN : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2
}

/** The p-th percentile (nearest rank) of sorted values. */
export function percentile (sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))] ?? NaN
}

/** The time now as a file name's part: an ISO date with `-` for `:` and `.`. */
export const timestamp = (): string => new Date().toISOString().replace(/[:.]/g, '-')

/** Writes `results` as bench/results/<fileName>, stamped with the date, and says where. */
export function writeResults (fileName: string, results: Record<string, unknown>): void {
  mkdirSync(RESULTS, { recursive: true })
  const out = new URL(fileName, RESULTS)
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), ...results }, null, 2) + '\n')
  console.log(`written to ${out.pathname}`)
}
