/** The parse record of an import: how a published report was read. */
import { Type } from 'typebox'
import { TemplateSchema } from './common.js'

export const ParseProblemSchema = Type.Object({
  pointer: Type.Optional(Type.String({ description: 'JSON Pointer of the part concerned.' })),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')], { description: '`error`: the part could not be read; `warning`: read, with doubts.' }),
  message: Type.String({ description: '说明（中文）.' }),
  messageEn: Type.String({ description: 'The same in English.' })
}, { $id: 'ParseProblem', additionalProperties: false, description: 'Something the importer could not read cleanly.' })

export const UnreadPartSchema = Type.Object({
  pointer: Type.String({ description: 'JSON Pointer of the cell or field left out of the report.' }),
  reason: Type.Union(['not-found', 'not-a-number', 'value-count', 'not-given'].map((reason) => Type.Literal(reason)), {
    description: '`not-found`: its row or table is not where it was looked for; `not-a-number`: what is printed there is no number; ' +
      '`value-count`: its row has the wrong number of values, so no value can be placed; `not-given`: a fact the text does not state (give it as a query parameter).'
  }),
  message: Type.String({ description: '说明（中文）.' }),
  messageEn: Type.String({ description: 'The same in English.' }),
  line: Type.Optional(Type.Integer({ description: 'The source line its row was found on.' })),
  source: Type.Optional(Type.String({ description: 'The text printed where its value should be.' })),
  region: Type.Optional(Type.Object({
    fromLine: Type.Integer({ description: 'First line searched.' }),
    toLine: Type.Integer({ description: 'Last line searched.' })
  }, { additionalProperties: false, description: 'The lines of the source it was looked for in.' }))
}, { $id: 'UnreadPart', additionalProperties: false, description: 'A cell or required field the importer could not read: left out of the report, never guessed.' })

/** A report as far as it was read: the report body with every unread cell left out. */
export const PartialReportSchema = Type.Object({}, {
  additionalProperties: true,
  description: 'The report as far as it was read: the report body with every cell and field read in place and each one listed in ' +
    '`parse.unread` left out. Set the value at each of those pointers and it is a report body for `POST /v1/reports`.'
})

const layout = (table: string) => Type.Union([TemplateSchema, Type.Null()], { description: `Layout table ${table} was read in; null when not read.` })

export const ParseRecordSchema = Type.Object({
  reader: Type.Union(['text', 'html', 'markdown', 'pdf', 'docx'].map((reader) => Type.Literal(reader)), { description: 'What read the input into rows: the text reader (any text layout), or the HTML, markdown, PDF or Word reader.' }),
  format: Type.Union(['pipe', 'layout', 'cell-per-line', 'html', 'markdown', 'pdf', 'docx', 'tabbed'].map((format) => Type.Literal(format)), {
    description: '`pipe`: rows as "a | b | c" (text copied from a page); `layout`: `pdftotext -layout` columns; `cell-per-line`: one cell per line; `html`: a page; `markdown`: headings and pipe tables; `pdf`: a PDF\'s text layer, laid out in columns; `docx`: a Word document; `tabbed`: cells separated by tabs (a table copied from a browser or a word processor).'
  }),
  templates: Type.Object({
    proactive: layout('二'),
    requests: layout('三'),
    reviewLitigation: layout('四')
  }, { additionalProperties: false }),
  cells: Type.Array(Type.Object({
    pointer: Type.String({ description: 'The cell.' }),
    source: Type.String({ description: 'Its text in the source (empty for a blank cell).' }),
    line: Type.Optional(Type.Integer({ description: 'Line of the source it was read on.' }))
  }, { additionalProperties: false }), { description: 'Where every table cell was read.' }),
  problems: Type.Array(Type.Ref('ParseProblem'), { description: 'What could not be read cleanly.' }),
  confidence: Type.Number({ minimum: 0, maximum: 1, description: 'How cleanly the report was read: 1 when every label matched and nothing was doubtful.' }),
  missing: Type.Array(Type.String(), { description: 'JSON Pointers of the unread cells and fields, as in `unread` (empty when the report is complete).' }),
  unread: Type.Array(Type.Ref('UnreadPart'), { description: 'Every cell and required field not read: why, and where in the source it was looked for.' })
}, { additionalProperties: false, description: 'How the report was read.' })

export const IMPORT_COMPONENTS = [ParseProblemSchema, UnreadPartSchema] as const
