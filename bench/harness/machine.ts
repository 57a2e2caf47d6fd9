/** What every benchmark reads off the machine: CPU ticks of the machine and of processes, the load, the database server. */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

export const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

export function uptime (): string {
  return execFileSync('uptime', { encoding: 'utf8' }).trim()
}

/** Busy and total CPU ticks of the whole machine, all CPUs (/proc/stat). */
export function machineTicks (): { busy: number, total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number)
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields
  const busy = user + nice + system + irq + softirq + steal
  return { busy, total: busy + idle + iowait }
}

/** User + system CPU ticks of a process, or undefined when it is gone. */
export function processTicks (pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(rest[11]) + Number(rest[12])
  } catch {
    return undefined
  }
}

/** The Postgres server the benchmarks create their throwaway databases on. */
export const serverUrl = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== ''
  ? process.env.DATABASE_URL
  : 'postgres://postgres@127.0.0.1:5432/postgres'
