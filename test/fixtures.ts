/** Report bodies for HTTP and database tests, derived from the seed. */
import { creditCodeCheckCharacter } from '../src/domain/credit-code.js'
import type { AnnualReport, ApplicantRow, Report2019 } from '../src/domain/report.js'
import { seedReport } from './helper.js'

/** A valid 统一社会信用代码 built from a 17-character stem. */
export function creditCode (stem: string): string {
  return `${stem}${creditCodeCheckCharacter(stem)}`
}

/** The seed, re-addressed to another agency, year or kind. */
export function reportFor (overrides: { code?: string, name?: string, regionCode?: string, year?: number, kind?: 'agency' | 'government' }): AnnualReport {
  const seed = seedReport()
  return {
    ...seed,
    year: overrides.year ?? seed.year,
    kind: overrides.kind ?? seed.kind,
    agency: {
      code: overrides.code ?? seed.agency.code,
      name: overrides.name ?? seed.agency.name,
      regionCode: overrides.regionCode ?? seed.agency.regionCode
    }
  }
}

/**
 * The seed with its prose corrected where it contradicts its tables (收到 13 件 for 10, a 2022 summary in
 * section 五, 59 + 24 of 60): a report without findings, for tests that need a clean one.
 */
export function cleanSeed (): AnnualReport {
  const seed = seedReport()
  return {
    ...seed,
    sections: {
      ...seed.sections,
      overview: seed.sections.overview.replace('收到申请信息公开件共13件', '收到申请信息公开件共10件').replace('信息59条', '信息36条'),
      problems: seed.sections.problems.replace('2022年,我局顺利完成', '2023年,我局顺利完成')
    }
  }
}

const zeroRow: ApplicantRow = { naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0 }

/** The seed in the 2019 layout (table 二 of 2019, single-row （六）其他处理), for the year 2020. */
export function report2019 (): Report2019 {
  const seed = seedReport()
  return {
    ...seed,
    template: '2019',
    year: 2020,
    publication: { documentDate: '2021-01-29' },
    proactive: {
      regulations: { newlyMade: 0, newlyPublished: 0, totalPublic: 0 },
      normativeDocuments: { newlyMade: 1, newlyPublished: 1, totalPublic: 3 },
      licensing: { previousItems: 12, change: -2, decisions: 140 },
      otherServices: { previousItems: 3, change: 0, decisions: 5 },
      penalties: { previousItems: 20, change: 1, decisions: 7 },
      coercion: { previousItems: 2, change: 0, decisions: 0 },
      fees: { previousItems: 1, change: -1 },
      procurement: { projects: 4, amountWan: 12.345678 }
    },
    requests: { ...seed.requests, outcomes: { ...seed.requests.outcomes, other: zeroRow } }
  }
}

/** The options of a service write by an anonymous actor holding a write grant for Zhejiang (region 33). */
export const WRITE_OPTIONS = {
  strict: false,
  actor: { keyId: null, requestId: null },
  grant: { keyId: 0, scopes: ['reports:write' as const], agencyCodes: [], regionPrefixes: ['33'] }
}
