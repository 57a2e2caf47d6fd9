/**
 * What every benchmark reads off the machine: CPU ticks of the machine and of processes, the load, the hardware,
 * Node and the commit measured, and the CPU time spent between two readings.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { round } from './results.js'
import type { ServerStats } from './servers.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

export function uptime (): string {
  return execFileSync('uptime', { encoding: 'utf8' }).trim()
}

export const loadAverage1m = (): number => round(os.loadavg()[0] ?? 0, 2)

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

/** The commit the service runs from, and whether src/ or migrations/ differ from it. */
export function sourceVersion (): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    const commit = git('rev-parse', '--short', 'HEAD')
    const dirty = git('status', '--porcelain', '--', 'src', 'migrations') !== ''
    return dirty ? `${commit} + uncommitted changes in src/ or migrations/` : commit
  } catch {
    return 'unknown'
  }
}

/** The machine and the code a run measured. */
export function describeMachine () {
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 2 ** 30),
    node: process.version,
    commit: sourceVersion()
  }
}

/** The CPU time spent so far by the machine, by this process (the load generator), by a server and by its Postgres backends. */
export interface CpuReading {
  /** performance.now(), ms. */
  readonly at: number
  readonly machine: { busy: number, total: number }
  readonly bench: NodeJS.CpuUsage
  readonly server: ServerStats | undefined
  /** CPU ticks by backend pid. */
  readonly backends: ReadonlyMap<number, number>
}

/** CPU time between two readings, µs (the backends' and the machine's at the 10 ms resolution of ticks). */
export interface CpuSpent {
  readonly elapsedUs: number
  readonly machineBusyUs: number
  readonly machineTotalUs: number
  readonly benchUs: number
  readonly serverUs: number
  readonly backendsUs: number
  /** The server's event-loop utilisation, 0–1. */
  readonly serverElu: number
}

const cpuOf = (usage: NodeJS.CpuUsage) => usage.user + usage.system
const ticksToUs = (ticks: number) => ticks / CLOCK_TICKS * 1e6

export function cpuBetween (before: CpuReading, after: CpuReading): CpuSpent {
  let backendTicks = 0
  for (const [pid, ticks] of after.backends) backendTicks += ticks - (before.backends.get(pid) ?? 0)
  const active = (after.server?.elu.active ?? 0) - (before.server?.elu.active ?? 0)
  const idle = (after.server?.elu.idle ?? 0) - (before.server?.elu.idle ?? 0)
  return {
    elapsedUs: (after.at - before.at) * 1000,
    machineBusyUs: ticksToUs(after.machine.busy - before.machine.busy),
    machineTotalUs: ticksToUs(after.machine.total - before.machine.total),
    benchUs: cpuOf(after.bench) - cpuOf(before.bench),
    serverUs: after.server === undefined || before.server === undefined ? 0 : cpuOf(after.server.cpu) - cpuOf(before.server.cpu),
    backendsUs: ticksToUs(backendTicks),
    serverElu: active + idle === 0 ? 0 : round(active / (active + idle), 2)
  }
}

/** A share of all the machine's CPUs over the time `spent` covers, %. */
export const shareOfCpus = (spent: CpuSpent, micros: number): number => round(micros / (spent.elapsedUs * os.availableParallelism()) * 100)

/** The share of all CPUs used by processes other than this one, the server and its backends, %. */
export const othersBusyPercent = (spent: CpuSpent): number =>
  shareOfCpus(spent, Math.max(0, spent.machineBusyUs - spent.benchUs - spent.serverUs - spent.backendsUs))
