/**
 * The database of one benchmark run, on DATABASE_URL's server (`serverUrl`): named after the bench and its
 * process, created before the run and dropped with everything in it afterwards.
 */
import pg from 'pg'
import { serverUrl } from './machine.js'

/** Runs one statement on the server's maintenance database (create and drop cannot run inside the bench's own). */
async function onServer (text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

export function benchDatabase (prefix: string) {
  const name = `${prefix}_${process.pid}`
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    name,
    url: url.href,
    /** The database's URL with an application_name, so that each client's Postgres backends can be told apart. */
    urlFor (applicationName: string): string {
      const named = new URL(url)
      named.searchParams.set('application_name', applicationName)
      return named.href
    },
    create: async () => { await onServer(`create database ${name}`) },
    drop: async () => { await onServer(`drop database if exists ${name} with (force)`) }
  }
}
