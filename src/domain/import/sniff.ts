/**
 * What a published document is, from its first bytes: the signatures of PDF and ZIP (a .docx is a ZIP archive),
 * and of the compound files of Word 97–2003 (.doc) and other old Office formats, and for text the way browsers sniff HTML (the WHATWG MIME-sniffing patterns). The declared Content-Type is
 * weighed against this by the route.
 */

export type Signature = 'pdf' | 'zip' | 'compound'

/** Where a PDF header may start: readers accept junk before "%PDF-" in the first kilobyte. */
const PDF_HEADER_WINDOW = 1024

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04] // PK\3\4, a local file header
/** An OLE compound file: Word 97–2003 (.doc), Excel (.xls), a password-protected .docx. */
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function startsWith (bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte)
}

/**
 * The binary signature of a body: `pdf` when "%PDF-" appears in its first kilobyte, `zip` when it starts with a ZIP
 * local file header, `compound` when it starts with an OLE compound file's header, else null (text, or something
 * unknown).
 *
 * Example: `binarySignature(Buffer.from('%PDF-1.7\n…'))` → `'pdf'`; `binarySignature(Buffer.from('<html>'))` → null.
 */
export function binarySignature (bytes: Uint8Array): Signature | null {
  if (startsWith(bytes, ZIP)) return 'zip'
  if (startsWith(bytes, COMPOUND)) return 'compound'
  const window = Math.min(bytes.length - PDF.length, PDF_HEADER_WINDOW)
  for (let at = 0; at <= window; at++) {
    if (bytes[at] === 0x25 && startsWith(bytes, PDF, at)) return 'pdf'
  }
  return null
}

/** The tags that, first in a text (after white space and a BOM), make it HTML (WHATWG "identify an unknown MIME type"). */
const HTML_START = /^(?:<!doctype html|<html|<head|<body|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<br|<p|<!--|<\?xml[^>]*>\s*<html)[\s>]/i

/**
 * True when a text opens like an HTML document: its first non-blank characters are one of the tags browsers
 * sniff for ("<!DOCTYPE html", "<html", "<table", "<p", …), followed by white space or ">".
 *
 * Example: `looksLikeHtml('\ufeff<html xmlns:o="urn:schemas-microsoft-com:office:office">')` → true; `looksLikeHtml('二、主动公开')` → false.
 */
export function looksLikeHtml (text: string): boolean {
  return HTML_START.test(text.replace(/^[\ufeff\s]+/, '').slice(0, 256))
}
