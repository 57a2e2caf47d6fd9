/**
 * CPU profiles of the service: a run against a fresh server under `--cpu-prof`, and its summary — self time by
 * function and by package or file, and total (self + callees) time of the service's own functions, over the measured
 * window, with tsx's output mapped back to TypeScript lines through its source maps (bench/harness/source-positions.ts).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { RESULTS, round } from './results.js'
import type { Bench } from './run.js'
import type { Server } from './servers.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SOURCE_POSITIONS = fileURLToPath(new URL('./source-positions.ts', import.meta.url))

interface CallFrame {
  functionName: string
  url: string
  /** 0-based, in the code V8 ran (for our files: tsx's output, one line per file). */
  lineNumber: number
  columnNumber: number
}

interface CpuProfile {
  nodes: Array<{ id: number, callFrame: CallFrame, children?: number[] }>
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileRow {
  readonly name: string
  readonly ms: number
  /** Share of the busy (non-idle) time of the window, %. */
  readonly percent: number
}

export interface ProfileSummary {
  readonly file: string
  /** The window in the profile's clock (µs). */
  readonly window: readonly [number, number]
  readonly windowMs: number
  readonly busyMs: number
  readonly idlePercent: number
  readonly windowFound: boolean
  readonly selfByFunction: ProfileRow[]
  readonly selfByArea: ProfileRow[]
  /** Total (self + callees) time of the service's own functions (src/). */
  readonly totalOfOurs: ProfileRow[]
}

function shortUrl (url: string): string {
  if (url === '') return ''
  const path = url.replace(/^file:\/\//, '')
  const modules = path.lastIndexOf('/node_modules/')
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length)
  return path.startsWith(ROOT) ? path.slice(ROOT.length) : path
}

/** Where a function lives: a package, a file of ours, Node's internals, V8 builtins, or a VM state. */
function areaOf (functionName: string, url: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : 'no file: V8 builtins, native bindings, generated code'
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`
  const short = shortUrl(url)
  if (url.includes('/node_modules/')) {
    const parts = short.split('/')
    return parts[0]?.startsWith('@') === true ? `${parts[0]}/${parts[1]}` : parts[0] ?? short
  }
  return short
}

/** The service's own TypeScript modules (entry scripts excluded: importing them would run them). */
function isOurModule (url: string): boolean {
  return url.startsWith(`file://${ROOT}src/`) && url.endsWith('.ts') && !/\/src\/(server|migrate)\.ts$|\/src\/cli\//.test(url)
}

/** The TypeScript line of every position of our modules in the profile, through tsx's source maps. */
function sourceLines (profile: CpuProfile): Map<string, number> {
  const positions = new Map<string, [string, number, number]>()
  for (const { callFrame: { url, lineNumber, columnNumber } } of profile.nodes) {
    if (isOurModule(url)) positions.set(`${url}:${lineNumber}:${columnNumber}`, [url, lineNumber, columnNumber])
  }
  const lines = new Map<string, number>()
  try {
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--enable-source-maps', SOURCE_POSITIONS], {
      cwd: ROOT, input: JSON.stringify([...positions.values()]), encoding: 'utf8', maxBuffer: 64 * 2 ** 20
    })
    const mapped = JSON.parse(output) as Array<[number, number] | null>
    let index = 0
    for (const key of positions.keys()) {
      const line = mapped[index++]?.[0]
      if (line !== undefined) lines.set(key, line)
    }
  } catch (error) {
    console.error(`could not map the profile to TypeScript lines: ${String(error)}`)
  }
  return lines
}

/**
 * `--import tsx` runs its module hooks in a worker thread, and --cpu-prof writes one profile per thread: the main
 * thread's is the one with the most frames of src/.
 */
function mainProfileIn (directory: string): { file: string, profile: CpuProfile } {
  const candidates = readdirSync(directory).filter((file) => file.endsWith('.cpuprofile')).map((file) => {
    const profile = JSON.parse(readFileSync(`${directory}/${file}`, 'utf8')) as CpuProfile
    return { file, profile, ours: profile.nodes.filter((node) => node.callFrame.url.includes(`${ROOT}src/`)).length }
  }).sort((a, b) => b.ours - a.ours)
  const main = candidates[0]
  if (main === undefined) throw new Error(`no CPU profile was written to ${directory}`)
  return { file: main.file, profile: main.profile }
}

function summariseProfile (file: string, profile: CpuProfile, window: readonly [number, number], rows = 20): ProfileSummary {
  const lines = sourceLines(profile)
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

  const times: number[] = []
  let clock = profile.startTime
  for (const delta of profile.timeDeltas) { clock += delta; times.push(clock) }
  const windowFound = window[0] >= profile.startTime && window[1] <= profile.endTime
  const [from, to] = windowFound ? window : [profile.startTime, profile.endTime]

  const self = new Map<string, number>()
  const area = new Map<string, number>()
  const total = new Map<string, number>()
  let idle = 0
  let all = 0
  const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value)
  const keyOf = (frame: CallFrame) => {
    const name = frame.functionName === '' ? '(anonymous)' : frame.functionName
    if (frame.url === '') return name
    const line = isOurModule(frame.url) ? lines.get(`${frame.url}:${frame.lineNumber}:${frame.columnNumber}`) ?? '?' : frame.lineNumber + 1
    return `${name} ${shortUrl(frame.url)}:${line}`
  }

  for (let index = 0; index < profile.samples.length; index++) {
    const at = times[index] ?? 0
    if (at < from || at > to) continue
    const duration = (times[index + 1] ?? profile.endTime) - at
    const node = byId.get(profile.samples[index] ?? -1)
    if (node === undefined) continue
    all += duration
    const frame = node.callFrame
    if (frame.functionName === '(idle)') { idle += duration; continue }
    add(self, keyOf(frame), duration)
    add(area, areaOf(frame.functionName, frame.url), duration)
    // Total time of our functions: count each function once per sample, however deep it recurses.
    const seen = new Set<string>()
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const callFrame = byId.get(id)?.callFrame
      if (callFrame === undefined || !callFrame.url.includes(`${ROOT}src/`)) continue
      const key = keyOf(callFrame)
      if (!seen.has(key)) { seen.add(key); add(total, key, duration) }
    }
  }
  const busy = all - idle
  const top = (map: Map<string, number>, count: number): ProfileRow[] => [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => ({ name: name.length > 90 ? `${name.slice(0, 89)}…` : name, ms: round(micros / 1000), percent: round(micros / busy * 100, 1) }))
  return {
    file,
    window: [from, to],
    windowMs: round(all / 1000),
    busyMs: round(busy / 1000),
    idlePercent: round(idle / all * 100, 1),
    windowFound,
    selfByFunction: top(self, rows),
    selfByArea: top(area, 15),
    totalOfOurs: top(total, rows)
  }
}

/**
 * Starts a server of its own labelled `label` under `--cpu-prof`, runs `work` against it, stops it, keeps the main
 * thread's profile as bench/results/<file> and summarises the window that `work` measured (in the server's clock).
 */
export async function profiledRun<T> (bench: Bench, options: { label: string, file: string, env?: Record<string, string> },
  work: (server: Server) => Promise<{ result: T, window: readonly [number, number] }>): Promise<{ result: T, source: string, summary: ProfileSummary }> {
  // One profile per thread lands in a folder of its own; mainProfileIn keeps the main thread's.
  const directory = fileURLToPath(new URL(`cpuprofile-${options.label}-${process.pid}/`, RESULTS))
  rmSync(directory, { recursive: true, force: true })
  mkdirSync(directory, { recursive: true })
  const server = await bench.startServer({ label: options.label, execArgv: ['--cpu-prof', '--cpu-prof-dir', directory], env: options.env })
  let measured
  try {
    measured = await work(server)
  } finally {
    await server.stop()
  }
  const main = mainProfileIn(directory)
  renameSync(`${directory}${main.file}`, fileURLToPath(new URL(options.file, RESULTS)))
  rmSync(directory, { recursive: true, force: true })
  return { result: measured.result, source: server.source, summary: summariseProfile(`bench/results/${options.file}`, main.profile, measured.window) }
}

/** The summary's three tables, after a line on what was profiled (`what`) and the window. */
export function printProfile (what: string, summary: ProfileSummary): void {
  console.log(`\nprofile of ${what}: ${summary.file}, window ${summary.windowMs} ms` +
    `${summary.windowFound ? '' : ' (whole profile: the measured window was not found)'}, busy ${summary.busyMs} ms, idle ${summary.idlePercent} %`)
  console.log('self time by function (% of busy time):')
  console.table(summary.selfByFunction.map((row) => ({ function: row.name, ms: row.ms, '%': row.percent })))
  console.log('self time by package or file:')
  console.table(summary.selfByArea.map((row) => ({ where: row.name, ms: row.ms, '%': row.percent })))
  console.log('total time (self + callees) of the service\'s own functions:')
  console.table(summary.totalOfOurs.map((row) => ({ function: row.name, ms: row.ms, '%': row.percent })))
}
