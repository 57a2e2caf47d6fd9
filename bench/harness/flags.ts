/** Command-line flags of the benchmarks: `--name <n>` or `--name=<n>`, a positive whole number. */

/** The value of `--name`, or `fallback` when it is not given; a bad value prints `usage` and exits 2. */
export function numberFlag (name: string, fallback: number, usage: string): number {
  const args = process.argv.slice(2)
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
