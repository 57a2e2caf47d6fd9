/**
 * The annual report as JSON: the contract of `report-format.md`, in TypeBox.
 *
 * Both national templates are a union discriminated by `template`. Unknown fields are rejected at
 * every level, and no value is coerced.
 */
import { Type, type Static, type TSchema } from 'typebox'
import {
  AmountWanSchema, CellSchema, CreditCodeSchema, IsoDateSchema, KindSchema, RegionCodeSchema, SignedCellSchema,
  StrictObject, YearSchema
} from './common.js'

/* ---------- Table 三 ---------- */

const APPLICANT_LABELS = {
  naturalPerson: ['自然人', 'Natural persons.'],
  commercial: ['商业企业', 'Legal persons or other organisations: commercial enterprises.'],
  research: ['科研机构', 'Legal persons or other organisations: research institutions.'],
  socialWelfare: ['社会公益组织', 'Legal persons or other organisations: social welfare organisations.'],
  legalService: ['法律服务机构', 'Legal persons or other organisations: legal service providers.'],
  otherOrg: ['其他', 'Legal persons or other organisations: others.'],
  total: ['总计', 'Total of the six applicant columns.']
} as const

function applicantRow (title: string, description: string) {
  const columns = Object.fromEntries(Object.entries(APPLICANT_LABELS).map(([key, [label, columnDescription]]) =>
    [key, CellSchema(`${title}（${label}）`, columnDescription)])) as Record<keyof typeof APPLICANT_LABELS, ReturnType<typeof CellSchema>>
  return StrictObject(columns, title, `${description} One cell per applicant column (申请人情况).`)
}

/** Builds an object of table-三 rows from `key: [Chinese label, English description]`. */
function applicantRows<K extends string> (title: string, description: string, rows: Record<K, readonly [string, string]>) {
  const properties = Object.fromEntries(Object.entries<readonly [string, string]>(rows).map(([key, [label, rowDescription]]) =>
    [key, applicantRow(label, rowDescription)])) as Record<K, ReturnType<typeof applicantRow>>
  return StrictObject(properties, title, description)
}

const DeniedSchema = applicantRows('（三）不予公开', 'Refused (第十四、十五、十六条, 第三十六条第（七）项).', {
  stateSecret: ['1.属于国家秘密', 'State secret (第十四条).'],
  lawProhibited: ['2.其他法律行政法规禁止公开', 'Disclosure prohibited by other laws or regulations (第十四条).'],
  securityStability: ['3.危及“三安全一稳定”', 'Would endanger national, public or economic security or social stability (第十四条).'],
  thirdParty: ['4.保护第三方合法权益', 'Protects the lawful rights of a third party (第十五条).'],
  internalAffairs: ['5.属于三类内部事务信息', 'Internal affairs information (第十六条).'],
  processInfo: ['6.属于四类过程性信息', 'Process information (第十六条).'],
  enforcementFile: ['7.属于行政执法案卷', 'Administrative enforcement case file (第十六条).'],
  adminQuery: ['8.属于行政查询事项', 'Administrative query matter (第三十六条第（七）项).']
})

const UnableSchema = applicantRows('（四）无法提供', 'Unable to provide.', {
  notHeld: ['1.本机关不掌握相关政府信息', 'The agency does not hold the information (第三十六条第（四）（五）项).'],
  needCreation: ['2.没有现成信息需要另行制作', 'No existing information; it would have to be created (第三十八条).'],
  unclear: ['3.补正后申请内容仍不明确', 'Request still unclear after correction (第三十条).']
})

const RejectedSchema = applicantRows('（五）不予处理', 'Not processed.', {
  petition: ['1.信访举报投诉类申请', 'Petitions, reports and complaints (第三十九条).'],
  duplicate: ['2.重复申请', 'Repeated request (第三十六条第（六）项).'],
  publication: ['3.要求提供公开出版物', 'Request for a public publication (第三十九条).'],
  massRepeat: ['4.无正当理由大量反复申请', 'Large numbers of repeated requests without good reason (第三十五条).'],
  confirm: ['5.要求行政机关确认或重新出具已获取信息', 'Request to confirm or re-issue information already obtained.']
})

const OtherRowsSchema = applicantRows('（六）其他处理', 'Otherwise handled, in the three rows of the 2021 form.', {
  noCorrection: ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'Applicant did not correct the request in time (第三十条).'],
  feeUnpaid: ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'Applicant did not pay the fee in time (第四十二条).'],
  misc: ['3.其他', 'Other handling.']
})

const OtherSchema = Type.Union([
  OtherRowsSchema,
  applicantRow('（六）其他处理', 'Otherwise handled, as the single row of the 2019 form.')
], {
  title: '（六）其他处理',
  description: 'Three rows (2021 form) or one row (2019 form). Either is accepted under either template; rule S-MIXED reports a mix.'
})

const RequestsSchema = StrictObject({
  newReceived: applicantRow('一、本年新收政府信息公开申请数量', 'Requests received this year.'),
  carriedOver: applicantRow('二、上年结转政府信息公开申请数量', 'Requests carried over from last year.'),
  outcomes: StrictObject({
    granted: applicantRow('（一）予以公开', 'Granted.'),
    partiallyGranted: applicantRow('（二）部分公开', 'Partly granted (区分处理, 第三十七条; counted only here).'),
    denied: DeniedSchema,
    unable: UnableSchema,
    rejected: RejectedSchema,
    other: OtherSchema,
    total: applicantRow('（七）总计', 'Total of all outcomes.')
  }, '三、本年度办理结果', 'Outcomes of the requests handled this year.'),
  carriedForward: applicantRow('四、结转下年度继续办理', 'Requests carried forward to next year (第三十三条).')
}, '三、收到和处理政府信息公开申请情况', 'Table 三: requests received and handled. Identity printed on the form: 一 + 二 = 三 + 四 for every column.', 'Requests')

/* ---------- Table 四 ---------- */

function caseGroup (title: string, description: string) {
  return StrictObject({
    upheld: CellSchema(`${title}（结果维持）`, 'Decision upheld.'),
    corrected: CellSchema(`${title}（结果纠正）`, 'Decision corrected.'),
    other: CellSchema(`${title}（其他结果）`, 'Other result.'),
    pending: CellSchema(`${title}（尚未审结）`, 'Not yet concluded.'),
    total: CellSchema(`${title}（总计）`, 'Total of the group.')
  }, title, description)
}

const ReviewLitigationSchema = StrictObject({
  review: caseGroup('行政复议', 'Administrative reconsideration.'),
  suitDirect: caseGroup('行政诉讼（未经复议直接起诉）', 'Lawsuits filed directly, without reconsideration.'),
  suitAfterReview: caseGroup('行政诉讼（复议后起诉）', 'Lawsuits filed after reconsideration.')
}, '四、政府信息公开行政复议、行政诉讼情况', 'Table 四: administrative reconsideration and litigation.', 'ReviewLitigation')

/* ---------- Table 二 ---------- */

function documentCounts2021 (title: string) {
  return StrictObject({
    issued: CellSchema(`${title}（本年制发件数）`, 'Issued this year.'),
    repealed: CellSchema(`${title}（本年废止件数）`, 'Repealed this year.'),
    inForce: CellSchema(`${title}（现行有效件数）`, 'In force at year end.')
  }, title, 'Documents under 第二十条第（一）项.')
}

function decisions2021 (title: string) {
  return StrictObject({ decisions: CellSchema(`${title}（本年处理决定数量）`, 'Decisions made this year.') }, title, 'Decisions this year.')
}

const Proactive2021Schema = StrictObject({
  regulations: documentCounts2021('规章'),
  normativeDocuments: documentCounts2021('行政规范性文件'),
  licensing: decisions2021('行政许可'),
  penalties: decisions2021('行政处罚'),
  coercion: decisions2021('行政强制'),
  fees: StrictObject({
    amountWan: AmountWanSchema('行政事业性收费（本年收费金额）', 'Administrative fees collected this year.')
  }, '行政事业性收费', 'Fees under 第二十条第（八）项.')
}, '二、主动公开政府信息情况', 'Table 二 in the 2021 layout.')

function documentCounts2019 (title: string) {
  return StrictObject({
    newlyMade: CellSchema(`${title}（本年新制作数量）`, 'Newly made this year.'),
    newlyPublished: CellSchema(`${title}（本年新公开数量）`, 'Newly published this year.'),
    totalPublic: CellSchema(`${title}（对外公开总数量）`, 'Total published.')
  }, title, 'Documents under 第二十条第（一）项 (2019 layout).')
}

function itemCounts2019 (title: string) {
  return StrictObject({
    previousItems: CellSchema(`${title}（上一年项目数量）`, 'Items at the end of the previous year.'),
    change: SignedCellSchema(`${title}（本年增/减）`, 'Change this year; may be negative.'),
    decisions: CellSchema(`${title}（处理决定数量）`, 'Decisions made this year.')
  }, title, 'Items and decisions (2019 layout).')
}

const Proactive2019Schema = StrictObject({
  regulations: documentCounts2019('规章'),
  normativeDocuments: documentCounts2019('规范性文件'),
  licensing: itemCounts2019('行政许可'),
  otherServices: itemCounts2019('其他对外管理服务事项'),
  penalties: itemCounts2019('行政处罚'),
  coercion: itemCounts2019('行政强制'),
  fees: StrictObject({
    previousItems: CellSchema('行政事业性收费（上一年项目数量）', 'Fee items at the end of the previous year.'),
    change: SignedCellSchema('行政事业性收费（本年增/减）', 'Change this year; may be negative.')
  }, '行政事业性收费', 'Fee items (2019 layout).'),
  procurement: StrictObject({
    projects: CellSchema('政府集中采购（采购项目数量）', 'Procurement projects.'),
    amountWan: AmountWanSchema('政府集中采购（采购总金额）', 'Total procurement amount.')
  }, '政府集中采购', 'Centralised government procurement (第二十条第（九）项).')
}, '二、主动公开政府信息情况', 'Table 二 in the 2019 layout.')

/* ---------- Metadata and prose ---------- */

const AgencySchema = StrictObject({
  code: CreditCodeSchema,
  name: Type.String({ minLength: 1, maxLength: 200, title: '机关名称', description: 'Full name of the agency.' }),
  regionCode: RegionCodeSchema
}, '机关', 'The reporting agency.', 'ReportAgency')

/* A JSON type array (rather than a union with null) keeps validation errors to one per field. */
const optionalText = (title: string, description: string, maxLength = 200) =>
  Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength, title, description }))
const optionalDate = (title: string, description: string) =>
  Type.Optional(Type.Unsafe<string | null>({ ...IsoDateSchema(title, description), type: ['string', 'null'] }))

const PublicationSchema = StrictObject({
  indexNo: optionalText('索引号', 'Index number, e.g. 11330524MB15359635/2024-00007 (code / publication year - sequence).'),
  publisher: optionalText('发布机构', 'Publishing body, often abbreviated.'),
  documentDate: optionalDate('成文日期', 'Date the document was written.'),
  publishedDate: optionalDate('发布日期', 'Date of publication.'),
  documentNo: optionalText('文件编号', 'Document number (文号).'),
  disclosure: optionalText('公开方式', 'Disclosure method, usually 主动公开.'),
  retention: optionalText('公开时限', 'Disclosure period, usually 长期公开.'),
  sourceUrl: optionalText('来源网址', 'Where the report was published.', 2000)
}, '发布信息', 'Publication metadata printed above the report; every field optional.', 'Publication')

/**
 * The longest prose section accepted, in characters. Published sections run to a few thousand characters (the
 * longest seen is under 20 KB); the bound leaves a wide margin and keeps the reading of the prose, which is linear
 * in its length, to a bounded time per report.
 */
export const PROSE_MAX_LENGTH = 50_000

const prose = (title: string, description: string) =>
  Type.String({ maxLength: PROSE_MAX_LENGTH, title, description: `${description} At most ${PROSE_MAX_LENGTH.toLocaleString('en-US')} characters.` })

const SectionsSchema = StrictObject({
  overview: prose('一、总体情况', 'Prose of section 一 (with any introduction before it).'),
  problems: prose('五、存在的主要问题及改进情况', 'Prose of section 五.'),
  other: prose('六、其他需要报告的事项', 'Prose of section 六; must say whether 信息处理费 was charged.')
}, '正文', 'The three prose sections.', 'Sections')

/**
 * A reference to a component registered by `$id`, typed as the component: the parts both templates
 * share appear once in the OpenAPI document instead of once per template.
 */
function ref<S extends TSchema> (id: string) {
  return Type.Unsafe<Static<S>>(Type.Ref(id))
}

function reportVariant<T extends '2021' | '2019', P extends TSchema> (template: T, proactive: P, id: string) {
  return Type.Object({
    template: Type.Literal(template, { title: '报告格式', description: `Follows the ${template} national template.` }),
    year: YearSchema(),
    kind: KindSchema,
    agency: ref<typeof AgencySchema>('ReportAgency'),
    publication: Type.Optional(ref<typeof PublicationSchema>('Publication')),
    sections: ref<typeof SectionsSchema>('Sections'),
    proactive,
    requests: ref<typeof RequestsSchema>('Requests'),
    reviewLitigation: ref<typeof ReviewLitigationSchema>('ReviewLitigation')
  }, {
    $id: id,
    additionalProperties: false,
    title: `政府信息公开工作年度报告（${template}年格式）`,
    description: `An annual report in the ${template} national template.`
  })
}

export const Report2021Schema = reportVariant('2021', Proactive2021Schema, 'Report2021')
export const Report2019Schema = reportVariant('2019', Proactive2019Schema, 'Report2019')

/** Referenced schemas of the contract: registered once with Fastify, listed under OpenAPI components. */
export const REPORT_COMPONENTS = [
  AgencySchema, PublicationSchema, SectionsSchema, RequestsSchema, ReviewLitigationSchema, Report2021Schema, Report2019Schema
] as const

/**
 * A report body. Validated branch by branch on `template` (see `plugins/validation.ts`), so errors
 * name only the fields of the template the client chose.
 */
export const AnnualReportSchema = Type.Union([Type.Ref('Report2021'), Type.Ref('Report2019')], {
  // Mapping values are references into the OpenAPI components, as generated clients expect.
  discriminator: { propertyName: 'template', mapping: { 2021: '#/components/schemas/Report2021', 2019: '#/components/schemas/Report2019' } },
  title: '政府信息公开工作年度报告',
  description: 'An annual report (政府信息公开工作年度报告), in the 2021 or the 2019 national template.'
})

export type AnnualReportBody = Static<typeof Report2021Schema> | Static<typeof Report2019Schema>
