/** `npm run openapi`: regenerates the committed contract, `openapi/openapi.json`. */
import { mkdir, writeFile } from 'node:fs/promises'
import { renderOpenApiDocument } from '../src/openapi.js'

const target = new URL('../openapi/openapi.json', import.meta.url)
await mkdir(new URL('.', target), { recursive: true })
await writeFile(target, await renderOpenApiDocument())
console.log(`wrote ${target.pathname}`)
