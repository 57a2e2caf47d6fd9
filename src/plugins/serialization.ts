/**
 * Response serializers compiled when first used instead of when the app is built, from the schemas rewritten for
 * serializing (`forSerializing`: unions chosen by type, not by a validator).
 *
 * Fastify compiles a fast-json-stringify serializer for every response schema of every route as the app
 * starts: here about two and a half seconds of CPU, paid again by every process and every test that builds
 * the app, for routes most of them never answer. Compiled on a route's first answer instead, each costs
 * its few milliseconds once, and only where it is used.
 */
import SerializerSelector from '@fastify/fast-json-stringify-compiler'
import { forSerializing } from '../http/serializer-schemas.js'

const buildSerializerCompiler = SerializerSelector()

/** Fastify's `schemaController.compilersFactory.buildSerializer`: the default compiler, deferred per schema. */
export const lazySerializerCompilers: SerializerSelector.SerializerFactory = (externalSchemas, options) => {
  const compile = buildSerializerCompiler(forSerializing(externalSchemas) as typeof externalSchemas, options)
  return (route) => {
    let serialize: SerializerSelector.Serializer | undefined
    return (document) => {
      serialize ??= compile({ ...route, schema: forSerializing(route.schema) as typeof route.schema })
      return serialize(document)
    }
  }
}
