import t from 'tap'
import { alignRows, labelScore, normalizeLabel, rowScore, startsWithItemMarker } from '../../../src/domain/import/labels.js'

t.test('normalizeLabel folds brackets, separators, quotes and spaces', async (t) => {
  t.equal(normalizeLabel('（三）不予公开 3、危及“三安全一稳定”'), '(三)不予公开3.危及三安全一稳定')
  t.equal(normalizeLabel('4.无正当理由大量反复 申请'), '4.无正当理由大量反复申请')
})

t.test('labelScore: the share of the expected label\'s character pairs present', async (t) => {
  t.equal(labelScore('2.其他法律行政法规禁止公开', '2.其他法律行政止公开'), 9 / 13, 'a typo costs a few pairs')
  t.equal(labelScore('规章', '行政许可'), 0)
  t.equal(labelScore('部分公开', '（二）部分公开（区分处理的，只计这一情 形，不'), 1, 'extra text costs nothing')
  t.equal(labelScore('', 'x'), 0)
  t.equal(labelScore('规', '规章'), 1, 'a one-character label')
})

t.test('rowScore: own label or with the text before it, and a bonus for the item number', async (t) => {
  t.equal(rowScore({ key: 'd', label: '重复申请', number: '2' }, { label: '2.重复申请', context: '' }), 1.15)
  t.equal(rowScore({ key: 'd', label: '重复申请', number: '2' }, { label: '', context: '重复申请' }), 0.95, 'borrowed text scores a little lower')
  t.equal(rowScore({ key: 'd', label: '本年新收政府信息公开申请数量' }, { label: '一、本年新收政府', context: '', following: '信息公开申请数量' }), 0.95, 'a label continued after its values')
  t.ok(rowScore({ key: 'd', label: '重复申请', number: '2' }, { label: '4.无正当理由大量反复申请', context: '' }) < 0.7)
})

t.test('rowScore: an own label printing another item marker than the row\'s is not that row, whatever the text around it', async (t) => {
  const granted = { key: 'granted', label: '予以公开', part: '三', group: '一' }
  t.equal(rowScore(granted, { label: '（二）', context: '年度办 予以公 埋结果 开' }), 0, 'group (二) is not group (一), though the wrapped words before it are')
  t.ok(rowScore(granted, { label: '三、本 （一）', context: '', following: '予以公开' }) > 0.9, 'its own markers')
  t.equal(rowScore({ key: 'lawProhibited', label: '其他法律行政法规禁止公开', group: '三', number: '2' }, { label: '1.属于国家秘密', context: '其他法律行政法规禁止公开' }), 0, 'item 1. is not item 2.')
  t.ok(rowScore({ key: 'carriedForward', label: '结转下年度继续办理', part: '四' }, { label: '四、结转下年度继续办理', context: '' }) >= 1)
  t.equal(rowScore({ key: 'carriedForward', label: '结转下年度继续办理', part: '四' }, { label: '二、上年结转', context: '', following: '结转下年度继续办理' }), 0, 'part 二 is not part 四')
  t.ok(rowScore({ key: 'securityStability', label: '危及三安全一稳定', group: '三', number: '3' }, { label: '3.危及“三安全一稳定”', context: '' }) >= 1, 'numerals inside the words are no markers')
})

t.test('alignRows keeps order, leaves rows out, and skips noise', async (t) => {
  const expected = [{ key: 'a', label: '规章' }, { key: 'b', label: '行政规范性文件' }, { key: 'c', label: '行政许可' }]
  const row = (label: string) => ({ label, context: '' })
  const aligned = alignRows(expected, [row('规章'), row('页码'), row('行政许可')])
  t.same(aligned.matches, [{ observed: 0, score: 1 }, null, { observed: 2, score: 1 }])
  t.same(aligned.extra, [1])
  t.equal(aligned.quality, 2 - 1 - 0.3)
  t.same(alignRows(expected, []).matches, [null, null, null])
  const swapped = alignRows(expected, [row('行政许可'), row('规章')])
  t.equal(swapped.matches.filter((m) => m !== null).length, 1, 'rows out of printed order cannot both match')
})

t.test('startsWithItemMarker: the item numbers rows of the form start with, in any bracket or stop', async (t) => {
  for (const label of ['（五）不予处理', '(5)其他', '三、本年度办理结果', '2.其他法律', '4、保护', ' 1. 属于']) t.ok(startsWithItemMarker(label), label)
  for (const label of ['当理由大量反复申请', '行政许可', '2023年', '三安全一稳定', '']) t.notOk(startsWithItemMarker(label), label)
})
