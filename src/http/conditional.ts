/**
 * Entity tags and conditional requests (RFC 9110 §8.8.3, §13): `If-None-Match` for cheap re-reads,
 * `If-Match` so that a revision based on a stale read is refused instead of silently overwriting.
 */
import { ProblemError } from '../problems.js'

/** The entity-tags listed in an `If-Match` / `If-None-Match` value, or `'*'`. Weakness prefixes are kept. */
function listedTags (header: string): string[] | '*' {
  if (header.trim() === '*') return '*'
  return header.split(',').map((tag) => tag.trim()).filter((tag) => tag.length > 0)
}

/** `If-None-Match` uses the weak comparison: `W/"x"` matches `"x"`. */
export function noneMatchHits (header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  const tags = listedTags(header)
  return tags === '*' || tags.some((tag) => tag.replace(/^W\//, '') === etag)
}

/**
 * Reads the version a client based its update on, from `If-Match` with the strong comparison.
 * Missing header: 428. `*`: any version. A tag of another resource or form: 412, as a stale one.
 *
 * @param toVersion parses one of this resource's ETags to its version, or undefined when it is not one
 */
export function acceptedVersions (header: string | undefined, toVersion: (etag: string) => number | undefined): readonly number[] | 'any' {
  if (header === undefined || header.trim() === '') {
    throw new ProblemError('PRECONDITION_REQUIRED', 'Send If-Match with the ETag of the revision you are revising (or * to overwrite whatever is current).')
  }
  const tags = listedTags(header)
  if (tags === '*') return 'any'
  const versions = tags.filter((tag) => !tag.startsWith('W/')).map(toVersion).filter((version) => version !== undefined)
  if (versions.length === 0) {
    throw new ProblemError('PRECONDITION_FAILED', `If-Match ${header} names no revision of this report.`)
  }
  return versions
}
