import t from 'tap'
import { creditCodeCheckCharacter, isValidCreditCode } from '../../src/domain/credit-code.js'

t.test('the check character follows GB 32100-2015', async (t) => {
  const cases = [
    { code: '11330524MB15359635', valid: true, why: 'the seed agency' },
    { code: '91350100M000100Y43', valid: true, why: 'the standard\'s example' },
    { code: '11330524MB15359636', valid: false, why: 'wrong check character' },
    { code: '11330524MB1535963', valid: false, why: '17 characters' },
    { code: '11330524MB1535963I', valid: false, why: 'I is not in the alphabet' },
    { code: '11330524mb15359635', valid: false, why: 'lower case' }
  ]
  for (const c of cases) t.equal(isValidCreditCode(c.code), c.valid, c.why)
})

t.test('a weighted sum of 0 mod 31 gives the check character 0', async (t) => {
  t.equal(creditCodeCheckCharacter('00000000000000000'), '0')
  t.ok(isValidCreditCode('000000000000000000'))
})
