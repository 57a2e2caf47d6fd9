/**
 * How a test starts one of the project's entry points (`src/server.ts`, `src/cli/keys.ts`, …) in a process of its
 * own. `npm test` runs the suite compiled to JavaScript (scripts/test.ts), and then the entry point's compiled copy
 * beside it starts without a TypeScript loader; a test file run on its own goes through tsx.
 */
import { fileURLToPath } from 'node:url'

const RUNNING_COMPILED = import.meta.url.endsWith('.js')

/** Node's arguments that run `source` (a path from the repository root, such as `src/cli/keys.ts`). */
export function entryPointArgs (source: string): string[] {
  return RUNNING_COMPILED
    ? [fileURLToPath(new URL(`../${source.replace(/\.ts$/, '.js')}`, import.meta.url))]
    : ['--import', 'tsx', source]
}
