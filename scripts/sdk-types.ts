/** TypeScript types of the API for generated clients, from the committed OpenAPI document (openapi-typescript). */
import { readFile } from 'node:fs/promises'
import openapiTS, { astToString } from 'openapi-typescript'

const HEADER = '/* Generated from openapi/openapi.json by `npm run sdk:types` (openapi-typescript). Do not edit. */\n'

export async function renderSdkTypes (documentText: string): Promise<string> {
  return HEADER + astToString(await openapiTS(documentText))
}

export async function readOpenApiDocument (): Promise<string> {
  return await readFile(new URL('../openapi/openapi.json', import.meta.url), 'utf8')
}
