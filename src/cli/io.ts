/**
 * What a command line reads and writes besides its arguments: its environment and its two output streams. The
 * entry points (src/cli/*.ts) pass the process's own; tests pass their environment and streams that collect the
 * output, and so run a command as a function, in their own process.
 */
import { Console } from 'node:console'
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'

export interface CommandIo {
  readonly env: NodeJS.ProcessEnv
  readonly stdout: NodeJS.WritableStream & { readonly isTTY?: boolean }
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean }
}

/** The process's environment and standard streams. */
export const processIo = (): CommandIo => ({ env: process.env, stdout: process.stdout, stderr: process.stderr })

/** A console (`log`, `error`, `table`) writing to the command's streams. */
export const consoleOf = (io: CommandIo): Console => new Console({ stdout: io.stdout, stderr: io.stderr })

/**
 * The command's options and positionals, or undefined when an option is unknown or malformed: then its message and
 * the usage are written to stderr, not a stack trace, and the command exits 2.
 */
export function commandArguments<Options extends ParseArgsOptionsConfig> (args: readonly string[], options: Options, usage: string, out: Console) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, options })
  } catch (error) {
    out.error(`${(error as Error).message}\n\n${usage}`)
    return undefined
  }
}
