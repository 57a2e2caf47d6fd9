/** `npm run keys -- <command>`: see src/cli/keys-command.ts. */
import { processIo } from './io.js'
import { runKeys } from './keys-command.js'

process.exitCode = await runKeys(process.argv.slice(2), processIo())
