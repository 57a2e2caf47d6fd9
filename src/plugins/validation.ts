/**
 * Strict request validation with TypeBox's compiled checks.
 *
 * Fastify's default Ajv coerces `"2024"` to 2024 and silently drops unknown fields; for a body we
 * do neither. Query strings and path parameters are text on the wire, so they alone are converted.
 * A union with a `discriminator` is checked only against the branch its discriminator selects, so
 * errors name the fields of the template the client chose rather than of every template.
 * @see https://fastify.dev/docs/latest/Reference/Validation-and-Serialization/
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { TSchema } from 'typebox'
import Format from 'typebox/format'
import { isValidCreditCode } from '../domain/credit-code.js'
import { createValidatorCompiler } from '../http/compiled-checks.js'

/** Formats of our contract that JSON Schema does not define. */
function registerFormats (): void {
  Format.Set('credit-code', isValidCreditCode)
}

async function validationPlugin (app: FastifyInstance, options: { components: readonly TSchema[] }) {
  registerFormats()
  for (const schema of options.components) app.addSchema(schema)
  app.setValidatorCompiler(createValidatorCompiler(options.components))
}

export default fp(validationPlugin, { name: 'validation', fastify: '5.x' })
