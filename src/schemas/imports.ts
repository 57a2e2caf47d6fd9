/** The parse record of an import: how a published report was read. */
import { Type } from 'typebox'
import { TemplateSchema } from './common.js'

export const ParseProblemSchema = Type.Object({
  pointer: Type.Optional(Type.String({ description: 'JSON Pointer of the part concerned.' })),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')], { description: '`error`: the part could not be read; `warning`: read, with doubts.' }),
  message: Type.String({ description: '说明（中文）.' }),
  messageEn: Type.String({ description: 'The same in English.' })
}, { $id: 'ParseProblem', additionalProperties: false, description: 'Something the importer could not read cleanly.' })

const layout = (table: string) => Type.Union([TemplateSchema, Type.Null()], { description: `Layout table ${table} was read in; null when not read.` })

export const ParseRecordSchema = Type.Object({
  format: Type.Union(['pipe', 'layout', 'cell-per-line', 'html', 'markdown', 'pdf', 'docx'].map((format) => Type.Literal(format)), {
    description: '`pipe`: rows as "a | b | c" (text copied from a page); `layout`: `pdftotext -layout` columns; `cell-per-line`: one cell per line; `html`: a page; `markdown`: headings and pipe tables; `pdf`: a PDF\'s text layer, laid out in columns; `docx`: a Word document.'
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
  missing: Type.Array(Type.String(), { description: 'JSON Pointers of required parts not found (empty when a report was read).' })
}, { additionalProperties: false, description: 'How the report was read.' })

export const IMPORT_COMPONENTS = [ParseProblemSchema] as const
