/**
 * Response schemas as the serializer compiles them. fast-json-stringify picks a branch of an `anyOf` by running
 * Ajv on the value, branch after branch: for `number | null` that is one validation per cell, and for
 * `changes | null` a validation of the whole list of changes before a byte is written. The same unions written as
 * what the serializer reads without a validator — a list of types, or a schema marked `nullable` — give the same
 * JSON for every value the schema allows, with a `typeof` or a null test instead. The contract (OpenAPI, request
 * validation) keeps the unions: only the serializer's copy is rewritten.
 */

const SCALAR_TYPES = new Set(['number', 'integer', 'string', 'boolean', 'null'])
/** Keywords that only describe: a branch with nothing else is chosen by its type alone. */
const DESCRIPTIVE = new Set(['type', 'description', 'title', 'examples'])

type Schema = Readonly<Record<string, unknown>>

function isSchema (value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `{ type: 'number' }`, `{ type: 'null' }`: a scalar type and nothing that constrains it. */
function isBareScalar (schema: unknown): schema is Schema & { readonly type: string } {
  return isSchema(schema) && typeof schema.type === 'string' && SCALAR_TYPES.has(schema.type) &&
    Object.keys(schema).every((key) => DESCRIPTIVE.has(key))
}

function isNull (schema: unknown): boolean {
  return isBareScalar(schema) && schema.type === 'null'
}

/**
 * `schema` with each union the serializer can choose without a validator rewritten: `anyOf` of bare scalar types
 * becomes `type: [...]` (in the same order), and `anyOf` of one object or array schema (not a `$ref`) and null
 * becomes that schema with `nullable: true` (without its `$id`, which stays registered where it was). Other unions,
 * and everything else, are kept as they are. Symbol keys (TypeBox's) are dropped; the input is not changed.
 *
 * Example: `forSerializing({ anyOf: [{ type: 'number' }, { type: 'null' }], description: 'd' })` →
 * `{ description: 'd', type: ['number', 'null'] }`; `forSerializing({ anyOf: [{ type: 'object', properties }, { type: 'null' }] })`
 * → `{ type: 'object', properties, nullable: true }`.
 */
export function forSerializing (schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forSerializing)
  if (!isSchema(schema)) return schema
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) copy[key] = forSerializing(value)
  const { anyOf, ...rest } = copy
  if (!Array.isArray(anyOf) || anyOf.length < 2) return copy
  if (anyOf.every(isBareScalar)) return { ...rest, type: anyOf.map((option) => option.type) }
  const others = anyOf.filter((option) => !isNull(option))
  const only = others[0]
  if (others.length === 1 && anyOf.length === 2 && isSchema(only) && only.$ref === undefined && only.anyOf === undefined &&
    only.nullable === undefined && (only.type === 'object' || only.type === 'array')) {
    const { $id, ...branch } = only
    return { ...branch, ...rest, nullable: true }
  }
  return copy
}
