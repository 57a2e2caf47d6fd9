/** The OpenAPI document as committed in `openapi/openapi.json`: built from the routes, no database needed. */
import { buildApp } from './app.js'
import { loadConfig } from './config.js'

/** The pool connects lazily, so this address is never dialled. */
const UNUSED_DATABASE_URL = 'postgres://unused@127.0.0.1:1/unused'

/** The document's text: 2-space indented JSON with a final newline, stable across runs. */
export async function renderOpenApiDocument (): Promise<string> {
  const app = await buildApp({ config: loadConfig({}), databaseUrl: UNUSED_DATABASE_URL })
  try {
    await app.ready()
    return `${JSON.stringify(app.swagger(), null, 2)}\n`
  } finally {
    await app.close()
  }
}
