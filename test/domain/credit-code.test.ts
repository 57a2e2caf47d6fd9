import t from 'tap'
import { creditCodeCheckCharacter, creditCodeRegion, isValidCreditCode, regionAgreesWithCreditCode } from '../../src/domain/credit-code.js'

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

t.test('the region a code was registered in is compared with a region code at the city level', async (t) => {
  t.equal(creditCodeRegion('11330524MB15359635'), '330524')
  const cases = [
    { code: '11330524MB15359635', region: '330502', agrees: true, why: 'the seed: registered in 安吉县, reporting for 吴兴区, both 湖州市' },
    { code: '11330524MB15359635', region: '330500', agrees: true, why: 'the city itself' },
    { code: '11330524MB15359635', region: '330102', agrees: false, why: '杭州市: another city of the same province' },
    { code: '11330524MB15359635', region: '320502', agrees: false, why: 'another province with the same county digits' },
    { code: '91350100M000100Y43', region: '350102', agrees: true, why: 'the standard\'s example, 福州市' },
    { code: '11100000MB0000000X', region: '110101', agrees: false, why: 'a central agency (100000) is not of 北京市' },
    { code: '1133A524MB15359635', region: '330502', agrees: false, why: 'letters where the region should be' }
  ]
  for (const c of cases) t.equal(regionAgreesWithCreditCode(c.code, c.region), c.agrees, c.why)
})
