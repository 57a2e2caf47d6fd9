/**
 * Report builders for the domain tests: the real 2023 seed, a consistent prior year for it, and a valid
 * 2019-template report. Each call returns a fresh deep copy, optionally edited, so tests never share state.
 */
import { readFileSync } from 'node:fs'
import type { Finding } from '../../src/domain/findings.js'
import type { ApplicantRow, OtherOutcomes2021, Report2019, Report2021 } from '../../src/domain/report.js'

/** A report with `readonly` removed at every level, for editing copies in tests. */
export type Draft<T> = T extends object ? { -readonly [K in keyof T]: Draft<T[K]> } : T

// The sample report the repository ships (examples/seed-2023.json), resolved from this file.
const SEED_2023: Report2021 = JSON.parse(
  readFileSync(new URL('../../examples/seed-2023.json', import.meta.url), 'utf8')
)

function copy<T> (report: T, edit?: (draft: Draft<T>) => void): T {
  const draft = structuredClone(report) as Draft<T>
  edit?.(draft)
  return draft as T
}

/** The published 2023 report of 湖州市吴兴区发改经信局 (2021 template, consistent tables), optionally edited. */
export function seed (edit?: (draft: Draft<Report2021>) => void): Report2021 {
  return copy(SEED_2023, edit)
}

/**
 * A 2022 report for the seed's agency that agrees with the seed on every cross-year rule: nothing carried
 * forward into 2023, 3 normative documents in force (the seed repealed one and keeps 2), 9 requests, all handled.
 */
export function seedPrevious (edit?: (draft: Draft<Report2021>) => void): Report2021 {
  return copy(seed((d) => {
    d.year = 2022
    d.publication = { indexNo: '11330524MB15359635/2023-00004', documentDate: '2023-01-20', publishedDate: '2023-01-20' }
    d.proactive.normativeDocuments = { issued: 1, repealed: 0, inForce: 3 }
    d.requests.newReceived = applicantRow({ naturalPerson: 9 })
    d.requests.carriedForward = applicantRow({})
  }), edit)
}

/**
 * A table-三 row: the given columns, 0 elsewhere, and `total` as their sum unless given.
 *
 * Example: `applicantRow({ naturalPerson: 3, commercial: 1 })` → `{ naturalPerson: 3, commercial: 1, research: 0, …, total: 4 }`.
 */
export function applicantRow (cells: Partial<Draft<ApplicantRow>>): Draft<ApplicantRow> {
  const row = { naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, ...cells }
  const parts = [row.naturalPerson, row.commercial, row.research, row.socialWelfare, row.legalService, row.otherOrg]
    .reduce<number>((acc, value) => acc + (value ?? 0), 0)
  return { ...row, total: cells.total === undefined ? parts : cells.total }
}

/** The three 2021 （六）其他处理 rows of a draft, for editing them (the seed has this layout). */
export function otherRows (draft: Draft<Report2021>): Draft<OtherOutcomes2021> {
  const other = draft.requests.outcomes.other
  if ('total' in other) throw new Error('this draft has the single 2019 row of （六）其他处理')
  return other
}

const ZERO = applicantRow({})

const REPORT_2019: Report2019 = {
  template: '2019',
  year: 2020,
  kind: 'agency',
  agency: { code: '11330500002567803K', name: '湖州市某局', regionCode: '330500' },
  publication: { indexNo: '11330500002567803K/2021-00003', documentDate: '2021-01-25', publishedDate: '2021-01-29' },
  sections: { overview: '一、总体情况', problems: '五、存在的主要问题及改进情况', other: '六、其他需要报告的事项：未收取信息处理费。' },
  proactive: {
    regulations: { newlyMade: 0, newlyPublished: 0, totalPublic: 5 },
    normativeDocuments: { newlyMade: 2, newlyPublished: 2, totalPublic: 30 },
    licensing: { previousItems: 40, change: -2, decisions: 1200 },
    otherServices: { previousItems: 10, change: 0, decisions: 50 },
    penalties: { previousItems: 25, change: 1, decisions: 80 },
    coercion: { previousItems: 5, change: 0, decisions: 3 },
    fees: { previousItems: 4, change: -1 },
    procurement: { projects: 6, amountWan: 123.456789 }
  },
  requests: {
    newReceived: applicantRow({ naturalPerson: 20, commercial: 2 }),
    carriedOver: applicantRow({ naturalPerson: 1 }),
    outcomes: {
      granted: applicantRow({ naturalPerson: 12, commercial: 1 }),
      partiallyGranted: applicantRow({ naturalPerson: 2 }),
      denied: {
        stateSecret: ZERO,
        lawProhibited: ZERO,
        securityStability: ZERO,
        thirdParty: applicantRow({ naturalPerson: 1 }),
        internalAffairs: ZERO,
        processInfo: ZERO,
        enforcementFile: ZERO,
        adminQuery: ZERO
      },
      unable: { notHeld: applicantRow({ naturalPerson: 3 }), needCreation: ZERO, unclear: ZERO },
      rejected: { petition: ZERO, duplicate: applicantRow({ naturalPerson: 1 }), publication: ZERO, massRepeat: ZERO, confirm: ZERO },
      other: applicantRow({ naturalPerson: 1 }),
      total: applicantRow({ naturalPerson: 20, commercial: 1 })
    },
    carriedForward: applicantRow({ naturalPerson: 1, commercial: 1 })
  },
  reviewLitigation: {
    review: { upheld: 2, corrected: 1, other: 0, pending: 0, total: 3 },
    suitDirect: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
    suitAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }
  }
}

/**
 * A valid, consistent 2020 report on the 2019 template (single-row （六）其他处理): 22 new requests and 1 carried
 * over, 21 handled, 2 carried forward; 3 reviews (1 corrected), 2 direct suits (1 pending).
 */
export function report2019 (edit?: (draft: Draft<Report2019>) => void): Report2019 {
  return copy(REPORT_2019, edit)
}

/** A 2019 report that agrees with `report2019()` on CY-2019-PREV and CY-CARRY. */
export function report2019Previous (edit?: (draft: Draft<Report2019>) => void): Report2019 {
  return copy(report2019((d) => {
    d.year = 2019
    d.publication = { indexNo: '11330500002567803K/2020-00002', publishedDate: '2020-01-20' }
    d.proactive.licensing = { previousItems: 38, change: 2, decisions: 900 }
    d.proactive.otherServices = { previousItems: 12, change: -2, decisions: 40 }
    d.proactive.penalties = { previousItems: 25, change: 0, decisions: 60 }
    d.proactive.coercion = { previousItems: 4, change: 1, decisions: 2 }
    d.proactive.fees = { previousItems: 4, change: 0 }
    d.requests.newReceived = applicantRow({ naturalPerson: 20, commercial: 1 })
    d.requests.carriedForward = applicantRow({ naturalPerson: 1 })
  }), edit)
}

/** The fields a test pins down exactly; message texts are asserted separately where they matter. */
export function essentials (finding: Finding): Pick<Finding, 'ruleId' | 'severity' | 'status' | 'pointers' | 'expected' | 'actual' | 'difference'> {
  const { ruleId, severity, status, pointers, expected, actual, difference } = finding
  return { ruleId, severity, status, pointers, expected, actual, difference }
}
