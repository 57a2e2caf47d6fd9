/**
 * API key tokens: `gdr_<lookup id>_<secret>`. The lookup id finds the row; only the SHA-256 digest
 * of the secret is stored, and digests are compared in constant time. Secrets are 256 random bits,
 * so a fast digest is enough (there is nothing to brute-force as with passwords).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

const TOKEN_PATTERN = /^gdr_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/

export interface NewToken {
  /** The whole key, shown once to whoever creates it. */
  readonly token: string
  readonly lookupId: string
  readonly secretDigest: Buffer
}

export interface ParsedToken {
  readonly lookupId: string
  readonly secret: string
}

export function digestSecret (secret: string): Buffer {
  return createHash('sha256').update(secret).digest()
}

export function generateToken (): NewToken {
  const lookupId = randomBytes(8).toString('hex').slice(0, 12)
  const secret = randomBytes(32).toString('base64url')
  return { token: `gdr_${lookupId}_${secret}`, lookupId, secretDigest: digestSecret(secret) }
}

/** The parts of a well-formed token, or undefined for anything else. */
export function parseToken (token: string): ParsedToken | undefined {
  const match = TOKEN_PATTERN.exec(token)
  return match === null ? undefined : { lookupId: match[1] as string, secret: match[2] as string }
}

export function secretMatches (secret: string, storedDigest: Buffer): boolean {
  const digest = digestSecret(secret)
  return digest.length === storedDigest.length && timingSafeEqual(digest, storedDigest)
}

/** The credentials of an `Authorization: Bearer …` header, or undefined when there is none of that scheme. */
export function bearerToken (header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1]
}
