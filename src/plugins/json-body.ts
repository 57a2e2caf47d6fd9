/**
 * JSON bodies in UTF-8 only. Fastify's parser decodes every body as UTF-8 whatever its declared
 * charset and replaces invalid bytes silently; a GBK-encoded report would be stored as mojibake.
 * Here a declared charset other than UTF-8 is refused (415) and invalid UTF-8 is a client error (400).
 * Prototype-poisoning keys (`__proto__`, `constructor.prototype`) are refused by Fastify's own parser,
 * and nesting deeper than any report is refused before parsing.
 * @see https://fastify.dev/docs/latest/Reference/ContentTypeParser/
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { declaredCharset, exceedsJsonDepth, MAX_JSON_DEPTH } from '../http/body-text.js'
import { ProblemError } from '../problems.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

async function jsonBodyPlugin (app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = declaredCharset(request.headers['content-type'])
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(new ProblemError('UNSUPPORTED_MEDIA_TYPE', `Bodies must be UTF-8; charset=${charset} is not accepted.`), undefined)
      return
    }
    let text: string
    try {
      text = utf8.decode(body as Buffer)
    } catch {
      done(new ProblemError('MALFORMED_JSON', 'The body is not valid UTF-8.'), undefined)
      return
    }
    if (exceedsJsonDepth(text)) {
      done(new ProblemError('MALFORMED_JSON', `The body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`), undefined)
      return
    }
    parseJson(request, text, done)
  })
}

export default fp(jsonBodyPlugin, { name: 'json-body', fastify: '5.x' })
