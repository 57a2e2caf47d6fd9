/**
 * A minimum rate for request bodies. The socket's idle timeout closes a connection that sends nothing,
 * but a body trickling in at one byte every ten seconds is never idle and would hold its connection (and
 * its share of the server) forever. So every body is measured in windows: a window in which the client
 * sent fewer than `minBytesPerSecond × windowMs / 1000` bytes ends the request with 408 (or, once an
 * answer is already streaming back, closes the connection).
 *
 * There is no limit on a body's whole duration: a bulk upload that keeps sending streams for as long as
 * it needs. Only the client is timed: a window in which the service itself was slow to read (a bulk
 * upload waits while its batches are written) is not held against it.
 */
import { Transform, type TransformCallback } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { ProblemError } from '../problems.js'

export interface BodyRateOptions {
  /** Bytes a second a body must arrive at, on average over each window. */
  readonly minBytesPerSecond: number
  /** How long each window is. */
  readonly windowMs: number
}

/** Passes a body through unchanged, counting the bytes of each window and ending it when a window has too few. */
class BodyRateMeter extends Transform {
  private bytesThisWindow = 0
  /** Whether the reader fell behind during this window: then the window does not count. */
  private readerBehind = false
  private readonly timer: NodeJS.Timeout

  constructor (minBytesPerWindow: number, windowMs: number, tooSlow: () => Error) {
    super()
    this.timer = setInterval(() => {
      const readerBehind = this.readerBehind || this.readableLength > 0 || this.writableLength > 0
      if (!readerBehind && this.bytesThisWindow < minBytesPerWindow) this.destroy(tooSlow())
      this.bytesThisWindow = 0
      this.readerBehind = false
    }, windowMs)
    this.timer.unref()
  }

  override _transform (chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytesThisWindow += chunk.length
    if (!this.push(chunk)) this.readerBehind = true
    callback()
  }

  override _flush (callback: TransformCallback): void {
    clearInterval(this.timer)
    callback()
  }

  override _destroy (error: Error | null, callback: (error?: Error | null) => void): void {
    clearInterval(this.timer)
    callback(error)
  }
}

function hasBody (headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0
}

async function bodyRatePlugin (app: FastifyInstance, options: BodyRateOptions) {
  const minBytesPerWindow = Math.ceil(options.minBytesPerSecond * options.windowMs / 1000)
  const tooSlow = () => new ProblemError('REQUEST_TIMEOUT',
    `The body arrived slower than ${options.minBytesPerSecond} bytes a second; send it again at a steady pace.`,
    {}, { connection: 'close' })

  app.addHook('preParsing', async (request, _reply, payload) => {
    if (!hasBody(request.headers)) return payload
    const meter = new BodyRateMeter(minBytesPerWindow, options.windowMs, tooSlow)
    // Not `pipeline`: a body cut off must not destroy the request, whose socket still carries the 408.
    payload.pipe(meter)
    payload.once('error', (error) => meter.destroy(error))
    payload.once('close', () => {
      if (!payload.readableEnded) meter.destroy(new ProblemError('BAD_REQUEST', 'The client closed the connection before the body was complete.'))
    })
    return meter
  })
}

export default fp(bodyRatePlugin, { name: 'body-rate', fastify: '5.x' })
