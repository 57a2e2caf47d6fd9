/**
 * The part of autocannon 9's API that bench/http.ts uses (the package ships no types).
 * @see https://github.com/mcollina/autocannon#api
 */
declare module 'autocannon' {
  /** Per-client state handed to the hooks; reset before each request when `requests` has one entry. */
  export type RequestContext = Record<string, unknown>

  export interface AutocannonRequest {
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    /** Called to build every request after a client's first; return the request to send. */
    setupRequest?: (request: AutocannonRequest, context: RequestContext) => AutocannonRequest | null | undefined
    /** Called with every complete response (not with those still in flight when the run stops). */
    onResponse?: (status: number, body: string, context: RequestContext, headers: Record<string, string | string[]>) => void
  }

  export interface Options {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    pipelining?: number
    /** Seconds before a request counts as timed out. */
    timeout?: number
    method?: AutocannonRequest['method']
    headers?: Record<string, string>
    body?: string | Buffer
    requests?: AutocannonRequest[]
  }

  export interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    total: number
    p2_5: number
    p50: number
    p90: number
    p97_5: number
    p99: number
  }

  export interface Result {
    /** Seconds actually run. */
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    resets: number
    '1xx': number
    '2xx': number
    '3xx': number
    '4xx': number
    '5xx': number
    statusCodeStats: Record<string, { count: number }>
    /** Milliseconds. */
    latency: Histogram & { totalCount: number }
    /** Requests per second, sampled every second; `total` is the number of completed requests. */
    requests: Histogram & { sent: number }
    /** Bytes per second. */
    throughput: Histogram
  }

  function autocannon (options: Options): Promise<Result>
  export default autocannon
}
