import { describe, expect, test } from 'vitest';
import { SegmentLedger } from '../../../lib/scheduling/segment-ledger';

/** Stand-ins for text nodes: only their identity matters. */
const node = () => ({});
const block = (key: object, text: string, context = '2025-08-19') => ({ key, text, context });

describe('SegmentLedger', () => {
  test('a first reading numbers blocks 0, 1, 2 … as the page reader does', () => {
    const ledger = new SegmentLedger<object, string[]>();
    const sorted = ledger.sort([block(node(), 'a'), block(node(), 'b'), block(node(), 'c')]);
    expect(sorted.fresh.map((f) => f.index)).toEqual([0, 1, 2]);
    expect(sorted.known).toEqual([]);
  });

  test('blocks added later get new indexes; blocks seen before keep theirs, wherever they moved', () => {
    const ledger = new SegmentLedger<object, string[]>();
    const [a, b] = [node(), node()];
    ledger.sort([block(a, 'first'), block(b, 'second')]);
    const inserted = node();
    const sorted = ledger.sort([block(inserted, 'new at the top'), block(b, 'second'), block(a, 'first')]);
    expect(sorted.known.map((k) => [k.block.text, k.index])).toEqual([['second', 1], ['first', 0]]);
    expect(sorted.fresh.map((f) => [f.block.text, f.index])).toEqual([['new at the top', 2]]);
  });

  test.each([
    ['the same text in a re-rendered node', 'Chancellor Merz spoke.', '2025-08-19', ['0:0']],
    ['the same text under another page date', 'Chancellor Merz spoke.', '2016-01-01', undefined],
    ['different text', 'Chancellor Scholz spoke.', '2025-08-19', undefined],
  ])('%s is answered from the cache or not', (_name, text, context, expected) => {
    const ledger = new SegmentLedger<object, string[]>();
    const first = block(node(), 'Chancellor Merz spoke.');
    ledger.sort([first]);
    ledger.remember(first, ['0:0']);
    const [fresh] = ledger.sort([block(node(), text, context)]).fresh;
    expect(fresh?.cached).toEqual(expected);
    expect(fresh?.index).toBe(1);
  });

  test('a block whose text changed is fresh and names the index it replaces', () => {
    const ledger = new SegmentLedger<object, string[]>();
    const a = node();
    ledger.sort([block(a, 'Live: ')]);
    const [fresh] = ledger.sort([block(a, 'Live: President Macron arrived.')]).fresh;
    expect(fresh).toMatchObject({ index: 1, replaces: 0 });
  });

  test('restart numbers the next page from 0 and forget sends a block again', () => {
    const ledger = new SegmentLedger<object, string[]>();
    const a = node();
    ledger.sort([block(a, 'x'), block(node(), 'y')]);
    ledger.forget(a);
    expect(ledger.sort([block(a, 'x')]).fresh.map((f) => f.index)).toEqual([2]);
    ledger.restart();
    expect(ledger.sort([block(a, 'x')]).fresh.map((f) => f.index)).toEqual([0]);
  });

  test('the cache is bounded, oldest out first', () => {
    const ledger = new SegmentLedger<object, number>(2);
    for (const text of ['a', 'b', 'c']) ledger.remember(block(node(), text), 1);
    const cached = ledger.sort(['a', 'b', 'c'].map((t) => block(node(), t))).fresh.map((f) => f.cached);
    expect(cached).toEqual([undefined, 1, 1]);
  });
});
