import t from 'tap'
import { preferredMediaType, prefersHtml } from '../../src/http/negotiation.js'

const OFFERS = ['application/json', 'text/html'] as const
const pick = (accept: string | undefined) => preferredMediaType(accept, OFFERS)

const CHROME = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7'
const FIREFOX = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

t.test('no preference, or anything, means the first offer (JSON)', async (t) => {
  t.equal(pick(undefined), 'application/json')
  t.equal(pick(''), 'application/json')
  t.equal(pick('   '), 'application/json')
  t.equal(pick('*/*'), 'application/json')
  t.equal(pick('*/*;q=0.5'), 'application/json')
})

t.test('browsers get HTML', async (t) => {
  t.equal(pick(CHROME), 'text/html')
  t.equal(pick(FIREFOX), 'text/html')
  t.equal(pick('text/html'), 'text/html')
  t.equal(pick('TEXT/HTML'), 'text/html', 'media types are case-insensitive')
  t.equal(pick('text/*'), 'text/html')
  t.equal(pick('text/html, */*'), 'text/html', 'a named type beats a wildcard of the same weight')
})

t.test('q-values decide', async (t) => {
  t.equal(pick('text/html;q=0.5, application/json;q=0.4'), 'text/html')
  t.equal(pick('text/html;q=0.4, application/json;q=0.5'), 'application/json')
  t.equal(pick('application/json;q=0.9, text/html'), 'text/html')
  t.equal(pick('text/html; q=0.8, */*; q=0.9'), 'application/json', '*/* at 0.9 gives JSON more weight than html at 0.8')
  t.equal(pick('text/html ; Q=1.000 , application/json;q=0.999'), 'text/html')
  t.equal(pick('text/html;q=0.001, application/*;q=0'), 'text/html', 'q=0 refuses JSON')
})

t.test('ties keep the route\'s order', async (t) => {
  t.equal(pick('text/html, application/json'), 'application/json')
  t.equal(pick('application/json, text/html'), 'application/json')
  t.equal(pick('text/html;q=0.5, application/json;q=0.5'), 'application/json')
})

t.test('the most specific range sets an offer\'s weight', async (t) => {
  t.equal(pick('text/html;q=0, */*'), 'application/json', 'html refused by name despite */*')
  t.equal(pick('*/*;q=0.1, text/html'), 'text/html')
  t.equal(pick('text/*;q=0.2, text/html;q=0.9, application/json;q=0.5'), 'text/html')
  t.equal(pick('text/*;q=0.9, text/html;q=0.2, application/json;q=0.5'), 'application/json')
  t.equal(pick('text/html;level=1;q=0.2, text/html;q=0.9, application/json;q=0.5'), 'text/html', 'a range without parameters describes our offers better')
  t.equal(pick('application/json; charset=utf-8'), 'application/json')
  t.equal(pick('text/html; charset=utf-8;q=0.9, application/json;q=0.1'), 'text/html')
})

t.test('nothing acceptable: undefined', async (t) => {
  t.equal(pick('image/png'), undefined)
  t.equal(pick('application/json;q=0, text/html;q=0'), undefined)
  t.equal(pick('*/*;q=0'), undefined)
})

t.test('malformed elements are ignored, well-formed ones still count', async (t) => {
  t.equal(pick('text/html;q=2'), 'application/json', 'q above 1 is malformed: a header without a well-formed element is no header')
  t.equal(pick('text/html;q=abc, application/json;q=0.1'), 'application/json')
  t.equal(pick('garbage, text/html'), 'text/html')
  t.equal(pick('*/html, text/html;q=0.3, application/json;q=0.2'), 'text/html', '*/html is not a media range')
  t.equal(pick('text/html/x'), 'application/json')
  t.equal(pick(',,,'), 'application/json')
  t.equal(pick('garbage, image/png'), undefined, 'one well-formed element is a preference')
  t.equal(pick('text/html;q=0.5;level=1, application/json;q=0.4'), 'text/html', 'extensions after q are ignored')
})

t.test('prefersHtml', async (t) => {
  t.equal(prefersHtml(undefined), false)
  t.equal(prefersHtml('*/*'), false)
  t.equal(prefersHtml('application/json'), false)
  t.equal(prefersHtml('image/png'), false, 'nothing acceptable falls back to JSON')
  t.equal(prefersHtml(CHROME), true)
  t.equal(prefersHtml('text/html;q=0.9, application/json;q=0.8'), true)
})
