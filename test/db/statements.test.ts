/**
 * The catalogue of fixed statements (src/db/statements.ts) against the migrated schema: Postgres prepares every text,
 * infers the parameter types written beside it, and answers with result columns of the names and types written
 * beside it, in that order. A renamed column, a wrong cast or a row type that no longer matches fails here, named by
 * its statement. Only the catalogue makes fixed statements, so these are all the SQL texts the repositories run.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import t from 'tap'
import ts from 'typescript'
import type { ParameterType } from '../../src/db/prepared.js'
import * as statements from '../../src/db/statements.js'
import { createTestDatabase } from '../helper.js'

const { url } = await createTestDatabase(t)
const client = new pg.Client({ connectionString: url })
await client.connect()
t.teardown(async () => await client.end())

const catalogue = Object.entries(statements)

/**
 * A value for each parameter type: no rows where a statement takes many, a key that no row has where it takes one
 * (text '0', which a transaction id cast from text takes as well).
 * On the empty tables of a migrated schema every statement then runs without failing a constraint.
 */
const HARMLESS_VALUES: Readonly<Record<ParameterType, unknown>> = {
  jsonb: '[]', text: '0', bigint: '0', integer: '0', 'text[]': [], 'bigint[]': [], 'integer[]': []
}

/** Postgres's names of types, as `pg_prepared_statements` and the statements' declarations spell them. */
async function typeNames (oids: readonly number[]): Promise<string[]> {
  const { rows } = await client.query<{ oid: number, name: string }>('select oid, format_type(oid, null) as name from pg_type where oid = any($1::oid[])', [oids])
  return oids.map((oid) => rows.find((row) => row.oid === oid)?.name ?? `type ${oid}`)
}

t.ok(catalogue.length > 0, 'the catalogue lists statements')

for (const [name, statement] of catalogue) {
  t.test(`the statement ${name}`, async (t) => {
    // PREPARE parses and analyses the text against the schema without running it: an unknown table or column, or a
    // type that does not fit, fails here.
    await client.query(`prepare "${name}" as ${statement.text}`)
    try {
      const { rows: [prepared] } = await client.query<{ parameter_types: string[] }>(
        'select parameter_types::text[] as parameter_types from pg_prepared_statements where name = $1', [name])
      t.equal(prepared?.parameter_types.length, statement.parameterTypes.length, 'as many parameters as declared')
      t.same(prepared?.parameter_types, statement.parameterTypes, 'of the types declared')
    } finally {
      await client.query(`deallocate "${name}"`)
    }
    // Postgres 15 does not list a prepared statement's result types (16's result_types), so the statement runs, on
    // empty tables and in a transaction rolled back, for pg to report the columns it answered with.
    await client.query('begin')
    try {
      const { fields } = await client.query({ text: statement.text, values: statement.parameterTypes.map((type) => HARMLESS_VALUES[type]) })
      const types = await typeNames(fields.map((field) => field.dataTypeID))
      t.same(fields.map((field, position) => [field.name, types[position]]), Object.entries(statement.columnTypes),
        'its columns are the row type\'s, in order, of the types declared')
    } finally {
      await client.query('rollback')
    }
  })
}

/** The `.ts` files under src, as paths from the repository root (where tests run). */
function sourceFiles (): string[] {
  return readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => path.join('src', file))
}

/** Where a file names `fixedStatement` (lines), and the catalogue entries it takes (`statements.<name>` or imported by name). */
function catalogueUse (file: string): { makes: number[], takes: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const namespaces = new Set<string>()
  const makes: number[] = []
  const takes: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text.endsWith('/statements.js')) {
      const bindings = node.importClause?.namedBindings
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text)
      else if (bindings !== undefined) takes.push(...bindings.elements.map((element) => (element.propertyName ?? element.name).text))
    }
    if (ts.isIdentifier(node) && node.text === 'fixedStatement') makes.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1)
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && namespaces.has(node.expression.text)) takes.push(node.name.text)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { makes, takes }
}

t.test('only the catalogue makes fixed statements, and every statement it lists is used', async (t) => {
  const files = sourceFiles()
  const catalogueFile = path.join('src', 'db', 'statements.ts')
  const mechanismFile = path.join('src', 'db', 'prepared.ts')
  t.ok(files.includes(catalogueFile), 'the sources were found')
  const taken = new Set<string>()
  const makers: string[] = []
  for (const file of files) {
    const { makes, takes } = catalogueUse(file)
    if (file !== catalogueFile && file !== mechanismFile) makers.push(...makes.map((line) => `${file}:${line}`))
    for (const name of takes) taken.add(name)
  }
  t.same(makers, [], `no other file names fixedStatement: fixed statements belong in ${catalogueFile}`)
  const listed = new Set(catalogue.map(([name]) => name))
  t.same([...taken].filter((name) => !listed.has(name)), [], 'every statement the sources take is in the catalogue')
  t.same([...listed].filter((name) => !taken.has(name)), [], 'every statement of the catalogue is taken by a repository')
})
