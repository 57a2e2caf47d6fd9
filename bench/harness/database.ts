/**
 * The databases of the benchmarks, on DATABASE_URL's server (`serverUrl`): one per run, named after the bench and its
 * process, created before the run and dropped with everything in it afterwards.
 */
import pg from 'pg'

/** The Postgres server the benchmarks create their databases on. */
const serverUrl = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== ''
  ? process.env.DATABASE_URL
  : 'postgres://postgres@127.0.0.1:5432/postgres'

/** The URL of database `name` on the server, with an application_name so that each client's Postgres backends can be told apart. */
export function databaseUrl (name: string, applicationName?: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  if (applicationName !== undefined) url.searchParams.set('application_name', applicationName)
  return url.href
}

/** Runs one statement on the server's maintenance database (create and drop cannot run inside a bench's own). */
export async function onServer (text: string, values: readonly unknown[] = []): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return (await client.query(text, [...values])).rows
  } finally {
    await client.end()
  }
}

export type BenchDatabase = ReturnType<typeof benchDatabase>

export function benchDatabase (prefix: string) {
  const name = `${prefix}_${process.pid}`
  return {
    name,
    url: databaseUrl(name),
    urlFor: (applicationName: string): string => databaseUrl(name, applicationName),
    create: async () => { await onServer(`create database ${name}`) },
    drop: async () => { await onServer(`drop database if exists ${name} with (force)`) }
  }
}
