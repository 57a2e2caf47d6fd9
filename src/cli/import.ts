/** `npm run import -- [options] <files…>`: see src/cli/import-command.ts. */
import { runImport } from './import-command.js'
import { processIo } from './io.js'

process.exitCode = await runImport(process.argv.slice(2), processIo())
