/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-symbol
 * alphabet (digits and capitals without I, O, Z, S, V); the last one is a check character.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

/** The shape alone: 18 characters of the code alphabet. */
export const CREDIT_CODE_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{18}$'
const CREDIT_CODE_SHAPE = new RegExp(CREDIT_CODE_PATTERN)

/**
 * The check character for the first 17 characters of a code: `31 − (Σ valueᵢ × weightᵢ mod 31)`,
 * with 31 written as `0`.
 *
 * @example creditCodeCheckCharacter('11330524MB1535963') === '5'
 */
export function creditCodeCheckCharacter (first17: string): string {
  let sum = 0
  for (let index = 0; index < WEIGHTS.length; index++) {
    sum += ALPHABET.indexOf(first17.charAt(index)) * (WEIGHTS[index] ?? 0)
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31)
}

/**
 * True when `code` is an 18-character credit code whose last character is its check character.
 *
 * @example isValidCreditCode('11330524MB15359635') === true; isValidCreditCode('11330524MB15359636') === false
 */
export function isValidCreditCode (code: string): boolean {
  return CREDIT_CODE_SHAPE.test(code) &&
    creditCodeCheckCharacter(code.slice(0, 17)) === code.charAt(17)
}

/**
 * The 登记管理机关行政区划码 inside a code: characters 3–8, the region of the authority that registered it.
 *
 * @example creditCodeRegion('11330524MB15359635') === '330524'
 */
export function creditCodeRegion (code: string): string {
  return code.slice(2, 8)
}

/** Digits of a 行政区划代码 that name its city (地级): 3305 = 湖州市. */
const CITY_DIGITS = 4

/**
 * True when a region code lies in the city where the agency's code was registered. Only the city is compared:
 * a county agency is often registered by another county's authority of the same city, or by the city's own (the
 * seed's agency in 330502 吴兴区 has the code 11330524…, registered in 330524 安吉县).
 *
 * @example regionAgreesWithCreditCode('11330524MB15359635', '330502') === true
 * @example regionAgreesWithCreditCode('11330524MB15359635', '330102') === false
 */
export function regionAgreesWithCreditCode (code: string, regionCode: string): boolean {
  const registered = creditCodeRegion(code).slice(0, CITY_DIGITS)
  return /^\d+$/.test(registered) && registered.length === CITY_DIGITS && registered === regionCode.slice(0, CITY_DIGITS)
}
