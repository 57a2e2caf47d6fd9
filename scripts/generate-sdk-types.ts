/** `npm run sdk:types`: regenerates test/sdk/api.ts, the client types a generated TypeScript SDK sees. */
import { writeFile } from 'node:fs/promises'
import { readOpenApiDocument, renderSdkTypes } from './sdk-types.js'

const target = new URL('../test/sdk/api.ts', import.meta.url)
await writeFile(target, await renderSdkTypes(await readOpenApiDocument()))
console.log(`wrote ${target.pathname}`)
