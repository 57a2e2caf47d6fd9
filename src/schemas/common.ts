/**
 * Shared schema primitives of the HTTP contract. Every field carries its Chinese label as `title`
 * and an English `description`, which generated SDKs and the API reference show.
 */
import { Type, type TSchema } from 'typebox'
import { CREDIT_CODE_PATTERN } from '../domain/credit-code.js'

/** The largest count we accept: JSON numbers above 2^53 lose precision before validation. */
const MAX_COUNT = Number.MAX_SAFE_INTEGER

/** A table cell: integer ≥ 0, or null when printed blank. A JSON type array keeps errors to one per cell. */
export function CellSchema (title: string, description: string) {
  return Type.Unsafe<number | null>({
    type: ['integer', 'null'], minimum: 0, maximum: MAX_COUNT, title, description
  })
}

/** 本年增/减 of the 2019 form: the only signed cell. */
export function SignedCellSchema (title: string, description: string) {
  return Type.Unsafe<number | null>({
    type: ['integer', 'null'], minimum: -MAX_COUNT, maximum: MAX_COUNT, title, description
  })
}

/** An amount in 万元 (ten thousand yuan) with up to 6 decimals, or null when blank. */
export function AmountWanSchema (title: string, description: string) {
  return Type.Unsafe<number | null>({
    type: ['number', 'null'], minimum: 0, maximum: 1e12, title, description: `${description} In 万元, up to 6 decimals.`
  })
}

/** An object of named fields that rejects every field it does not name; `$id` makes it a shared component. */
export function StrictObject<T extends Record<string, TSchema>> (properties: T, title: string, description: string, $id?: string) {
  return Type.Object(properties, { additionalProperties: false, title, description, ...($id === undefined ? {} : { $id }) })
}

export const CreditCodeSchema = Type.String({
  pattern: CREDIT_CODE_PATTERN,
  format: 'credit-code',
  title: '统一社会信用代码',
  description: 'Unified social credit code of the agency: 18 characters, the last one a verified check character.',
  examples: ['11330524MB15359635']
})

export const RegionCodeSchema = Type.String({
  pattern: '^[1-9][0-9]{5}$',
  title: '行政区划代码',
  description: '6-digit administrative division code (330502 = 湖州市吴兴区).',
  examples: ['330502']
})

export const RegionPrefixSchema = Type.String({
  pattern: '^[1-9][0-9]{1,5}$',
  title: '行政区划代码前缀',
  description: 'A prefix of the 6-digit division code: 33 = 浙江省, 3305 = 湖州市, 330502 = 湖州市吴兴区.'
})

const YEAR_DESCRIPTION = 'Report year (statistics period 1 January – 31 December). From 2008 to the current year.'

export const YearSchema = (description = YEAR_DESCRIPTION) =>
  Type.Integer({ minimum: 2008, maximum: 9999, title: '报告年度', description, examples: [2023] })

export const IsoDateSchema = (title: string, description: string) =>
  Type.String({ format: 'date', title, description: `${description} ISO 8601 date (YYYY-MM-DD).`, examples: ['2024-01-31'] })

export const KindSchema = Type.Union([Type.Literal('agency'), Type.Literal('government')], {
  title: '报告类型',
  description: '`agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction.'
})

export const TemplateSchema = Type.Union([Type.Literal('2021'), Type.Literal('2019')], {
  title: '报告格式',
  description: 'National template: 2021 (国办公开办函〔2021〕30号) or 2019 (国办公开办函〔2019〕60号).'
})

export const ReportIdSchema = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, title: '报告编号', description: 'Identifier of a stored report.' })

/** Revisions are numbered in a Postgres integer: a larger number is no revision, and refused before it reaches a query. */
const MAX_REVISION = 2_147_483_647

export const RevisionSchema = (description = 'Revision number, 1 for the first version.') =>
  Type.Integer({ minimum: 1, maximum: MAX_REVISION, title: '修订版本', description })

export const TimestampSchema = (description: string) =>
  Type.String({ format: 'date-time', description: `${description} ISO 8601 timestamp (UTC).` })
