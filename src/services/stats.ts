/**
 * Statistics over many reports (`GET /v1/stats`): the rollups of a year and the year before, their comparison and
 * a breakdown, read in one snapshot and kept while nothing they add up has changed.
 *
 * A national or provincial rollup adds up tens of thousands of `report_figures` rows, yet its answer stays the same
 * until a report is stored, revised, recomputed or moved, and every one of those writes appends to the change feed
 * in its transaction. The feed version a snapshot sees (src/db/feed-repository.ts: its watermark, and how many events
 * it sees above it) names exactly the writes it contains: an answer computed at version V is the answer of any later
 * snapshot that still sees V. A request therefore first reads that version (an index probe of the recent events) and
 * is answered from memory when the answer it would compute is already there; only a rollup that must be computed
 * again takes a heavy-read slot. Concurrent requests for the same rollup share one computation when it started after their writes were visible.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { compareFeedVersions, feedVersion, type FeedVersion } from '../db/feed-repository.js'
import {
  type FigureFilters, type FigureGrouping, type GroupTotals, inStatsSnapshot, sumFigureGroups, sumFigures
} from '../db/figures-repository.js'
import { compareRollups, INDICATOR_INPUTS, nextRegionLevel, type Rollup, type RollupComparison, summarise } from '../domain/rollup.js'

export interface StatsQuery extends FigureFilters {
  readonly groupBy?: FigureGrouping['by']
  /** The cells each group carries (with `groupBy`). */
  readonly cells: readonly string[]
}

export interface StatsGroup {
  readonly key: string
  readonly name: string | null
  readonly rollup: Rollup
}

export interface Stats {
  readonly current: Rollup
  readonly previous: Rollup
  readonly comparison: RollupComparison
  readonly groups: readonly StatsGroup[] | null
}

/** Runs work in a heavy-read slot, or throws when the slots and their queue are full. */
export type HeavyWork = <T>(work: () => Promise<T>) => Promise<T>

export interface StatsReaderOptions {
  /**
   * How many cell totals the kept rollups may hold together (about 100 bytes each), the least recently read
   * dropped first: a breakdown of a province by agency holds tens of thousands, a national rollup a few hundred.
   */
  readonly keptCells: number
  /** Where rollups of the whole country or of a province are computed. */
  readonly heavyWork: HeavyWork
}

/** A rollup of the whole country or a province is heavy; a city's or a county's is quick. */
export function isHeavyStats (query: Pick<StatsQuery, 'region'>): boolean {
  return (query.region ?? '').length <= 2
}

interface Computed {
  /** The feed version the computing snapshot saw. */
  readonly version: FeedVersion
  readonly stats: Stats
  /** The cell totals it holds. */
  readonly cells: number
}

interface Computation {
  /** A lower bound of the version it will have: the feed version visible before its snapshot began. */
  readonly atLeast: FeedVersion
  readonly result: Promise<Computed>
}

export class StatsReader {
  private readonly kept = new Map<string, Computed>()
  private keptCells = 0
  private readonly running = new Map<string, Computation>()

  constructor (private readonly db: Kysely<Database>, private readonly options: StatsReaderOptions) {}

  async read (query: StatsQuery): Promise<Stats> {
    const key = JSON.stringify([query.region, query.year, query.kind, query.template, query.groupBy, query.cells])
    const visible = await feedVersion(this.db)
    const kept = this.kept.get(key)
    if (kept !== undefined && compareFeedVersions(kept.version, visible) >= 0) {
      // Read again: most recently used last, so that the first in the map is the one to drop.
      this.kept.delete(key)
      this.kept.set(key, kept)
      return kept.stats
    }
    const running = this.running.get(key)
    if (running !== undefined && compareFeedVersions(running.atLeast, visible) >= 0) return (await running.result).stats
    const computation: Computation = { atLeast: visible, result: this.compute(query, isHeavyStats(query)) }
    this.running.set(key, computation)
    try {
      const computed = await computation.result
      const latest = this.kept.get(key)
      if (latest === undefined || compareFeedVersions(latest.version, computed.version) <= 0) this.keep(key, computed)
      return computed.stats
    } finally {
      if (this.running.get(key) === computation) this.running.delete(key)
    }
  }

  private keep (key: string, computed: Computed): void {
    this.drop(key)
    if (computed.cells > this.options.keptCells) return
    this.kept.set(key, computed)
    this.keptCells += computed.cells
    for (const oldest of this.kept.keys()) {
      if (this.keptCells <= this.options.keptCells) break
      this.drop(oldest)
    }
  }

  private drop (key: string): void {
    const kept = this.kept.get(key)
    if (kept === undefined) return
    this.kept.delete(key)
    this.keptCells -= kept.cells
  }

  private async compute (query: StatsQuery, heavy: boolean): Promise<Computed> {
    const work = async () => await inStatsSnapshot(this.db, async (trx) => {
      const grouping = groupingOf(query)
      return {
        version: await feedVersion(trx),
        current: await sumFigures(trx, query),
        previous: await sumFigures(trx, { ...query, year: query.year - 1 }),
        groups: grouping === undefined
          ? null
          : await sumFigureGroups(trx, query, grouping, [...new Set([...query.cells, ...INDICATOR_INPUTS])])
      }
    })
    const totals = heavy ? await this.options.heavyWork(work) : await work()
    const current = summarise(totals.current)
    const previous = summarise(totals.previous)
    const groups = totals.groups?.map((group: GroupTotals) => ({ key: group.key, name: group.name, rollup: summarise(group) })) ?? null
    return {
      version: totals.version,
      stats: { current, previous, comparison: compareRollups(previous, current), groups },
      cells: current.cells.length + previous.cells.length + (groups ?? []).reduce((sum, group) => sum + group.rollup.cells.length, 0)
    }
  }
}

function groupingOf ({ groupBy, region }: StatsQuery): FigureGrouping | undefined {
  if (groupBy === undefined) return undefined
  return groupBy === 'region' ? { by: 'region', digits: nextRegionLevel(region) } : { by: groupBy }
}
