/** Settings of the benchmarks: command-line flags (`--name <n>` or `--name=<n>`) and environment variables. */

const args = process.argv.slice(2)

/** The value of `--name`, or `fallback` when it is not given; a bad value prints `usage` and exits 2. */
export function numberFlag (name: string, fallback: number, usage: string): number {
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`))
  if (index < 0) return fallback
  const arg = args[index] ?? ''
  const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1]
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`--${name} ${String(text)}: must be a positive whole number\n${usage}`)
    process.exit(2)
  }
  return value
}

/** Whether `--name` is given. */
const hasFlag = (name: string): boolean => args.includes(`--${name}`)

/**
 * Exits 2 with `usage` on an argument that is none of `valued` (`--name <n>` or `--name=<n>`) and `switches` (`--name`),
 * so that a mistyped setting is not silently measured with its default.
 */
export function rejectUnknownFlags (valued: readonly string[], switches: readonly string[], usage: string): void {
  const unknown = args.filter((arg, index) => arg.startsWith('--')
    ? !switches.includes(arg.slice(2)) && !valued.includes(arg.slice(2).split('=')[0] ?? '')
    : !valued.some((name) => args[index - 1] === `--${name}`))
  if (unknown.length > 0) {
    console.error(`unknown argument ${unknown.join(' ')}\n${usage}`)
    process.exit(2)
  }
}

/** When to take a CPU profile of the service: `--profile` always, `--no-profile` never, otherwise when a target is missed. */
export function profileMode (): 'always' | 'never' | 'when-missed' {
  return hasFlag('profile') ? 'always' : hasFlag('no-profile') ? 'never' : 'when-missed'
}

/** The whole number in environment variable `name`, or `fallback` when it is unset or empty. */
export function numberFromEnv (name: string, fallback: number): number {
  const value = process.env[name]
  if (value === undefined || value === '') return fallback
  const number = Number(value)
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`${name}=${value}: must be a positive whole number`)
  return number
}
