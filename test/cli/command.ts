/**
 * Runs a command line (src/cli/*-command.ts) as a function in the test's own process, as its entry point runs it
 * in a process of its own: on the given environment, with stdout and stderr collected. A command's start-up in a
 * process of its own (Node, the app's modules) cost seconds of CPU per case; each file keeps one case that starts
 * the real entry point.
 */
import { PassThrough } from 'node:stream'
import { finished } from 'node:stream/promises'
import type { CommandIo } from '../../src/cli/io.js'

export interface CommandResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** A stream that is not a terminal, collecting what is written to it. */
function collector (): { stream: PassThrough, text: () => string } {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') }
}

/** Runs `command` on `args` with `env`; answers its exit code and what it wrote. */
export async function runCommand (
  command: (args: readonly string[], io: CommandIo) => Promise<number>, args: readonly string[], env: NodeJS.ProcessEnv
): Promise<CommandResult> {
  const stdout = collector()
  const stderr = collector()
  const code = await command(args, { env, stdout: stdout.stream, stderr: stderr.stream })
  // Everything written is read once the streams end.
  for (const { stream } of [stdout, stderr]) stream.end()
  await Promise.all([finished(stdout.stream), finished(stderr.stream)])
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}
