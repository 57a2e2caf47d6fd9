/**
 * The corpus of real published reports, which the repository does not ship: by default the folder
 * `shared/corpus/reports` beside the repository (as the project's machines and CI lay it out), or the folder
 * in CORPUS_DIR. `npm run test:corpus` runs the tests of this folder when the corpus is there and says it
 * skipped them when it is not.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const BESIDE_THE_REPOSITORY = fileURLToPath(new URL('../../../shared/corpus/reports', import.meta.url))

/** The folder of the corpus texts (`000_seed.txt`, `009.txt`, …). */
export function corpusDirectory (): string {
  const configured = process.env.CORPUS_DIR
  return configured === undefined || configured === '' ? BESIDE_THE_REPOSITORY : path.resolve(configured)
}

export function corpusIsPresent (): boolean {
  return existsSync(corpusDirectory())
}

/** A corpus text as published: the file minus its provenance header (everything up to the "---" line). */
export function corpusText (name: string): string {
  const file = readFileSync(path.join(corpusDirectory(), `${name}.txt`), 'utf8')
  const separator = file.indexOf('\n---\n')
  return separator < 0 ? file : file.slice(separator + 5)
}

/** A corpus file whole, provenance header included, as a user would post it. */
export function corpusFile (name: string): string {
  return readFileSync(path.join(corpusDirectory(), `${name}.txt`), 'utf8')
}
