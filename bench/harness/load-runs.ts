/**
 * Load on a server with autocannon, in this process and over loopback: single runs, and measured runs (a discarded
 * warm-up, then the run, with the server's and its backends' CPU time, statements and event-loop utilisation per
 * request) in rounds that interleave the servers compared, with their medians and ratios.
 */
import autocannon, { type AutocannonRequest, type Result } from 'autocannon'
import { cpuBetween, loadAverage1m, othersBusyPercent } from './machine.js'
import { median, round } from './results.js'
import type { Bench } from './run.js'
import type { Server } from './servers.js'

export interface LoadSettings {
  readonly connections: number
  readonly pipelining?: number
  /** Seconds before autocannon counts a request as timed out. */
  readonly timeoutSeconds?: number
}

export async function loadFor (server: Server, seconds: number, settings: LoadSettings, requests: AutocannonRequest[]): Promise<Result> {
  return await autocannon({
    url: server.url,
    connections: settings.connections,
    pipelining: settings.pipelining ?? 1,
    duration: seconds,
    timeout: settings.timeoutSeconds ?? 30,
    requests
  })
}

export interface MeasuredSettings extends LoadSettings {
  readonly warmupSeconds: number
  readonly durationSeconds: number
}

export interface MeasuredRun {
  readonly server: string
  readonly round: number
  readonly reqPerSec: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly meanMs: number
  readonly completed: number
  /** Requests sent: the completed ones and those in flight when the run stopped. */
  readonly sent: number
  readonly ok2xx: number
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
  /** CPU time of the server process per request sent, µs. */
  readonly serverCpuUsPerReq: number
  /** Event-loop utilisation of the server during the run, 0–1. */
  readonly serverElu: number
  /** CPU time of the server's Postgres backends per request sent, µs (10 ms tick resolution). */
  readonly pgCpuUsPerReq: number
  /** SQL statements per request sent. */
  readonly queriesPerReq: number
  /** CPU time of this process (autocannon) per request sent, µs. */
  readonly benchCpuUsPerReq: number
  /** Share of all CPUs busy during the run, %. */
  readonly machineBusyPercent: number
  /** Share of all CPUs used by processes other than the server, its backends and autocannon, %. */
  readonly othersBusyPercent: number
  readonly loadAverage1m: number
}

/**
 * A discarded warm-up, then a measured run. Throughput and latency are autocannon's. The server's and its backends'
 * CPU time and SQL statements are counted from a settled server to a settled server and divided by the requests
 * sent, which the server all finishes; event-loop utilisation and the machine's load are taken over the run alone.
 * `window`: the run in the server's clock, to cut its CPU profile to.
 */
export async function measuredRun (bench: Bench, server: Server, settings: MeasuredSettings, requests: () => AutocannonRequest[], roundNo: number): Promise<{ run: MeasuredRun, window: [number, number] }> {
  await loadFor(server, settings.warmupSeconds, settings, requests())
  await bench.settle(server)
  const before = await bench.readCpu(server)
  const result = await loadFor(server, settings.durationSeconds, settings, requests())
  const atEnd = await bench.readCpu(server)
  await bench.settle(server)
  const after = await bench.readCpu(server)

  const inRun = cpuBetween(before, atEnd)
  const untilSettled = cpuBetween(before, after)
  const completed = result.requests.total
  const sent = Math.max(result.requests.sent, completed)
  const perRequest = (micros: number) => sent === 0 ? 0 : round(micros / sent, 1)
  return {
    window: [before.server?.hrtimeUs ?? 0, atEnd.server?.hrtimeUs ?? 0],
    run: {
      server: server.label,
      round: roundNo,
      reqPerSec: round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      meanMs: round(result.latency.mean, 2),
      completed,
      sent,
      ok2xx: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      serverCpuUsPerReq: perRequest(untilSettled.serverUs),
      serverElu: inRun.serverElu,
      pgCpuUsPerReq: perRequest(untilSettled.backendsUs),
      queriesPerReq: sent === 0 ? 0 : round(((after.server?.queries ?? 0) - (before.server?.queries ?? 0)) / sent, 2),
      benchCpuUsPerReq: perRequest(inRun.benchUs),
      machineBusyPercent: inRun.machineTotalUs === 0 ? 0 : round(inRun.machineBusyUs / inRun.machineTotalUs * 100),
      othersBusyPercent: othersBusyPercent(inRun),
      loadAverage1m: loadAverage1m()
    }
  }
}

/**
 * `rounds` rounds over `servers`, each round starting one server later (A B C, B C A, C A B; with two, A B, B A, A B),
 * so that no server always runs first, or right after the same one, as the machine's load drifts.
 */
export async function interleavedRounds<T> (servers: readonly T[], rounds: number, measure: (server: T, roundNo: number) => Promise<MeasuredRun>): Promise<MeasuredRun[]> {
  const runs: MeasuredRun[] = []
  for (let roundNo = 1; roundNo <= rounds; roundNo++) {
    const shift = (roundNo - 1) % servers.length
    for (const server of [...servers.slice(shift), ...servers.slice(0, shift)]) {
      const run = await measure(server, roundNo)
      runs.push(run)
      console.log(`  round ${roundNo} ${run.server.padEnd(15)} ${String(run.reqPerSec).padStart(6)} req/s  p50 ${run.p50Ms} ms  p99 ${run.p99Ms} ms  ` +
        `non-2xx ${run.non2xx}  errors ${run.errors}  load ${run.loadAverage1m}`)
    }
  }
  return runs
}

/** Medians over a server's rounds. */
export function medianRun (runs: readonly MeasuredRun[], label: string) {
  const of = (pick: (run: MeasuredRun) => number) => median(runs.filter((run) => run.server === label).map(pick))
  return {
    reqPerSec: round(of((run) => run.reqPerSec)),
    p50Ms: of((run) => run.p50Ms),
    p99Ms: of((run) => run.p99Ms),
    serverCpuUsPerReq: round(of((run) => run.serverCpuUsPerReq)),
    pgCpuUsPerReq: round(of((run) => run.pgCpuUsPerReq)),
    queriesPerReq: of((run) => run.queriesPerReq),
    serverElu: of((run) => run.serverElu)
  }
}

export type MedianRun = ReturnType<typeof medianRun>

/** One server's medians as a multiple of another's; null where the other's figure is 0 (no SQL on a floor that stores nothing). */
export function ratioOfRuns (of: MedianRun, to: MedianRun) {
  const ratio = (value: number, base: number) => base === 0 ? null : round(value / base, 2)
  return {
    reqPerSec: ratio(of.reqPerSec, to.reqPerSec),
    p50Ms: ratio(of.p50Ms, to.p50Ms),
    p99Ms: ratio(of.p99Ms, to.p99Ms),
    serverCpuUsPerReq: ratio(of.serverCpuUsPerReq, to.serverCpuUsPerReq),
    pgCpuUsPerReq: ratio(of.pgCpuUsPerReq, to.pgCpuUsPerReq),
    queriesPerReq: ratio(of.queriesPerReq, to.queriesPerReq)
  }
}

/** Every measured run, one row each. */
export function printRuns (runs: readonly MeasuredRun[]): void {
  console.table(runs.map((run) => ({
    server: run.server,
    round: run.round,
    'req/s': run.reqPerSec,
    'p50 ms': run.p50Ms,
    'p99 ms': run.p99Ms,
    'non-2xx+err': run.non2xx + run.errors + run.timeouts,
    'server CPU µs/req': run.serverCpuUsPerReq,
    ELU: run.serverElu,
    'PG CPU µs/req': run.pgCpuUsPerReq,
    'SQL/req': run.queriesPerReq,
    'others %': run.othersBusyPercent,
    load: run.loadAverage1m
  })))
}

/** Medians and ratios in one table, a row each, with the columns of `printRuns`. */
export function printMedians (rows: Record<string, MedianRun | ReturnType<typeof ratioOfRuns>>): void {
  console.table(Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, {
    'req/s': row.reqPerSec,
    'p50 ms': row.p50Ms,
    'p99 ms': row.p99Ms,
    'server CPU µs/req': row.serverCpuUsPerReq,
    'PG CPU µs/req': row.pgCpuUsPerReq,
    'SQL/req': row.queriesPerReq
  }])))
}
