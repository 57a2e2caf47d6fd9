/**
 * GET /problems and /problems/{slug} — the page behind every problem `type` URI: what the problem
 * means, its status and its code, so that a `type` a client receives can be looked up.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { PROBLEM_CODES, PROBLEMS, ProblemError, problemSlug } from '../problems.js'
import { problemResponse } from '../schemas/problem.js'
import { html } from '../views/html.js'

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{background:#f4f4f4;padding:0 .2em}'

function page (title: string, body: ReturnType<typeof html>): string {
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head><body>${body}</body></html>`.text
}

const problemsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const htmlResponse = (description: string) => ({ description, content: { 'text/html': { schema: Type.String() } } })

  /** GET /problems — every problem type this API answers with. */
  app.get('/problems', {
    schema: {
      operationId: 'listProblemTypes',
      tags: ['operations'],
      summary: 'Problem types',
      description: 'A page listing every problem type (`code`, status, meaning) that errors of this API carry.',
      response: { 200: htmlResponse('The list of problem types.') }
    }
  }, async (_request, reply) => {
    const rows = PROBLEM_CODES.map((code) => html`<tr><td><a href="/problems/${problemSlug(code)}"><code>${code}</code></a></td><td>${PROBLEMS[code].status}</td><td>${PROBLEMS[code].description}</td></tr>`)
    return await reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=3600')
      .send(page('Problem types', html`<h1>Problem types</h1><p>Every error is an RFC 9457 problem document whose <code>type</code> is one of these pages.</p><table><tr><th>code</th><th>status</th><th>meaning</th></tr>${rows}</table>`))
  })

  /** GET /problems/{slug} — one problem type, the target of a problem's `type` URI. */
  app.get('/problems/:slug', {
    schema: {
      operationId: 'getProblemType',
      tags: ['operations'],
      summary: 'A problem type',
      description: 'The page a problem\'s `type` URI points at: what the problem means, its status and its `code`.',
      params: Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'The kebab-case code, e.g. `report-exists`.' }) }, { additionalProperties: false }),
      response: {
        200: htmlResponse('The problem type.'),
        400: problemResponse('Not a problem type slug.'),
        404: problemResponse('No such problem type (`PROBLEM_TYPE_NOT_FOUND`).')
      }
    }
  }, async (request, reply) => {
    const code = PROBLEM_CODES.find((candidate) => problemSlug(candidate) === request.params.slug)
    if (code === undefined) throw new ProblemError('PROBLEM_TYPE_NOT_FOUND', `No problem type is called ${request.params.slug}.`)
    const entry = PROBLEMS[code]
    return await reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=3600')
      .send(page(entry.title, html`<h1>${entry.title}</h1><p>HTTP status <strong>${entry.status}</strong>, <code>code: "${code}"</code>.</p><p>${entry.description}</p><p><a href="/problems">All problem types</a> · <a href="/docs">API reference</a></p>`))
  })
}

export default problemsRoutes
