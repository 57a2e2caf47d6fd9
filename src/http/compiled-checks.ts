/**
 * TypeBox's compiled checks, strict: a body is never coerced and unknown fields are errors; text from query strings
 * and paths alone is converted. The validation plugin makes every route's validator with them, and routes that check
 * parts of a body themselves (bulk lines, imported reports) compile theirs here too.
 */
import type { FastifySchema, FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'

export interface ValidationIssue {
  readonly instancePath: string
  readonly message?: string
  readonly keyword?: string
  readonly schemaPath?: string
  readonly params?: Record<string, unknown>
}

type Check = (value: unknown) => { value: unknown } | { error: ValidationIssue[] }

interface Discriminated {
  readonly anyOf: ReadonlyArray<{ $ref?: string }>
  readonly discriminator: { propertyName: string, mapping: Record<string, string> }
}

function isDiscriminated (schema: unknown): schema is Discriminated {
  const candidate = schema as Partial<Discriminated> | null
  return candidate?.discriminator?.mapping !== undefined && Array.isArray(candidate.anyOf)
}

const INTEGER_TEXT = /^-?(0|[1-9]\d*)$/
const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/

/**
 * Converts the text of query-string and path values to the numbers and booleans their schema wants,
 * but only text that spells one exactly: "1.5" stays text for an integer, so it fails validation
 * instead of quietly becoming 1.
 */
function convertText (schema: TSchema, input: unknown): unknown {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties
  if (properties === undefined || typeof input !== 'object' || input === null) return input
  const converted: Record<string, unknown> = { ...input }
  for (const [key, value] of Object.entries(converted)) {
    const type = properties[key]?.type
    if (typeof value !== 'string') continue
    if (type === 'integer' && INTEGER_TEXT.test(value)) converted[key] = Number(value)
    else if (type === 'number' && NUMBER_TEXT.test(value)) converted[key] = Number(value)
    else if (type === 'boolean' && (value === 'true' || value === 'false')) converted[key] = value === 'true'
  }
  return converted
}

function compileCheck (context: Record<string, TSchema>, schema: TSchema, convert: boolean): Check {
  const validator = Compile(context, schema)
  return (input) => {
    const value = convert ? convertText(schema, input) : input
    return validator.Check(value)
      ? { value }
      : { error: [...validator.Errors(value)] }
  }
}

function compileDiscriminated (context: Record<string, TSchema>, schema: Discriminated): Check {
  const { propertyName, mapping } = schema.discriminator
  const branches = new Map(Object.entries(mapping).map(([tag, reference]) => {
    const id = reference.replace(/^#\/components\/schemas\//, '')
    const branch = context[id]
    if (branch === undefined) throw new Error(`discriminator maps "${tag}" to unknown schema "${id}"`)
    return [tag, compileCheck(context, branch, false)]
  }))
  const allowed = [...branches.keys()].join(', ')
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return { error: [{ instancePath: '', keyword: 'type', message: 'must be object' }] }
    }
    const tag = (input as Record<string, unknown>)[propertyName]
    const check = typeof tag === 'string' ? branches.get(tag) : undefined
    return check === undefined
      ? { error: [{ instancePath: `/${propertyName}`, keyword: 'discriminator', message: `must be one of ${allowed}` }] }
      : check(input)
  }
}

/**
 * Compiles a check of `schema` (which may reference `components` by `$id`). Text from query strings
 * and paths is converted first when `convertText` is set; bodies never are.
 */
export function compileCheckOf (components: readonly TSchema[], schema: TSchema, convertText = false): Check {
  const context = Object.fromEntries(components.map((component) => [String((component as { $id?: string }).$id), component]))
  return isDiscriminated(schema) ? compileDiscriminated(context, schema) : compileCheck(context, schema, convertText)
}

/**
 * Builds the schema compiler for every route of the app.
 *
 * @param components schemas registered by `$id` and referenced with `Type.Ref`
 */
export function createValidatorCompiler (components: readonly TSchema[]): FastifySchemaCompiler<FastifySchema> {
  return ({ schema, httpPart }) => {
    // Compiled on first use, like the serializers (plugins/serialization.ts): building the app then costs
    // nothing for the routes a process never serves.
    let check: Check | undefined
    return (input: unknown) => {
      check ??= compileCheckOf(components, schema as TSchema, httpPart !== 'body')
      return check(input) as ReturnType<ReturnType<FastifySchemaCompiler<FastifySchema>>>
    }
  }
}
