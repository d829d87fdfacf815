import { describe, expect, test } from 'vitest';
import { ANNO_CONTEXT, flagsToCsv, flagsToJson, flagsToJsonLd, flagToAnnotation } from '../../../lib/flags/export.ts';
import { importFlagAnnotations, quoteClaimId } from '../../../lib/flags/import.ts';
import type { Flag } from '../../../lib/messaging/protocol.ts';

const PAGE = 'https://news.example/world/2025/08/19/summit';
const NOW = '2025-09-01T12:00:00.000Z';

function flag(over: Partial<Flag> = {}): Flag {
  const base: Flag = {
    id: `${PAGE}#2:0`,
    url: PAGE,
    claimId: '2:0',
    claimText: 'German Chancellor Olaf Scholz',
    verdictShown: 'mismatch',
    reason: 'wrong-person',
    note: 'He left office in May.',
    quote: { exact: 'German Chancellor Olaf Scholz', prefix: 'support. ', suffix: ' urged the group' },
    createdAt: '2025-08-20T09:15:00.000Z',
  };
  const merged = { ...base, ...over };
  return { ...merged, id: `${merged.url}#${merged.claimId}` };
}

/** A minimal annotation another tool might write. */
function foreign(over: Record<string, unknown> = {}) {
  return {
    '@context': ANNO_CONTEXT,
    type: 'Annotation',
    motivation: 'assessing',
    target: { source: PAGE, selector: { type: 'TextQuoteSelector', exact: 'President Donald Trump', prefix: 'hosted by ', suffix: '.' } },
    ...over,
  };
}

describe('flagToAnnotation', () => {
  test('one W3C Web Annotation per flag, assessing the quoted text of the page', () => {
    const a = flagToAnnotation(flag());
    expect(a).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      motivation: 'assessing',
      created: '2025-08-20T09:15:00.000Z',
      target: { source: PAGE, selector: { type: 'TextQuoteSelector', exact: 'German Chancellor Olaf Scholz', prefix: 'support. ', suffix: ' urged the group' } },
    });
    expect(a.id).toMatch(/^tag:/);
    expect(a.body).toEqual([
      { type: 'TextualBody', purpose: 'assessing', value: 'Disputed: Wrong person', format: 'text/plain', language: 'en' },
      { type: 'TextualBody', purpose: 'tagging', value: 'wrong-person' },
      { type: 'TextualBody', purpose: 'tagging', value: 'verdict-shown:mismatch' },
      { type: 'TextualBody', purpose: 'commenting', value: 'He left office in May.', format: 'text/plain' },
    ]);
  });

  test('no commenting body without a note', () => {
    expect(flagToAnnotation(flag({ note: '' })).body.map((b) => b.purpose)).toEqual(['assessing', 'tagging', 'tagging']);
  });

  test('flagsToJsonLd is an array with one annotation per flag', () => {
    const doc = JSON.parse(flagsToJsonLd([flag(), flag({ claimId: '5:10' })]));
    expect(doc).toHaveLength(2);
    expect(new Set(doc.map((a: { id: string }) => a.id)).size).toBe(2);
  });
});

describe('flagsToJson and flagsToCsv', () => {
  test('JSON keeps the rows as stored', () => {
    expect(JSON.parse(flagsToJson([flag()], NOW))).toEqual({ format: 'officeholder-factcheck/flags', version: 1, exportedAt: NOW, flags: [flag()] });
  });

  test.each([
    ['plain text', 'plain', 'plain'],
    ['a comma', 'a, b', '"a, b"'],
    ['a quote', 'say "no"', '"say ""no"""'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['a formula', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a leading minus', '-1', "'-1"],
    ['a leading at sign', '@cmd', "'@cmd"],
  ])('CSV cell with %s', (_name, note, cell) => {
    const [header, row] = flagsToCsv([flag({ note })]).split('\r\n');
    expect(header).toBe('page,claim,verdict_shown,reason,note,flagged_at,exact,prefix,suffix');
    expect(row).toContain(`,wrong-person,${cell},2025-08-20T09:15:00.000Z,`);
  });

  test('CSV has a header, one line per flag and a final line break', () => {
    const csv = flagsToCsv([flag(), flag({ claimId: '7:3' })]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(3);
  });
});

describe('importFlagAnnotations', () => {
  test('an export imports back as the same flags', () => {
    const flags = [flag(), flag({ claimId: '5:10', reason: 'reference-wrong', verdictShown: 'consistent', note: '', claimText: 'Mark Rutte', quote: { exact: 'Mark Rutte', prefix: 'Secretary General ', suffix: ' called' } })];
    const result = importFlagAnnotations(flagsToJsonLd(flags), [], NOW);
    expect(result).toEqual({ ok: true, flags, skipped: 0 });
  });

  test.each([
    ['a bare annotation', (a: object) => a],
    ['an array', (a: object) => [a]],
    ['an AnnotationPage', (a: object) => ({ '@context': ANNO_CONTEXT, type: 'AnnotationPage', items: [a] })],
    ['an AnnotationCollection', (a: object) => ({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [a] } })],
  ])('accepts %s', (_name, wrap) => {
    const result = importFlagAnnotations(JSON.stringify(wrap(foreign())), [], NOW);
    expect(result.ok && result.flags.map((f) => f.claimText)).toEqual(['President Donald Trump']);
  });

  test("another tool's annotation: reason other, verdict unknown, a claim id from its quote, the import time", () => {
    const result = importFlagAnnotations(JSON.stringify(foreign()), [], NOW);
    const quote = { exact: 'President Donald Trump', prefix: 'hosted by ', suffix: '.' };
    expect(result).toEqual({
      ok: true,
      skipped: 0,
      flags: [
        { id: `${PAGE}#${quoteClaimId(quote)}`, url: PAGE, claimId: quoteClaimId(quote), claimText: quote.exact, verdictShown: 'unknown', reason: 'other', note: '', quote, createdAt: NOW },
      ],
    });
  });

  test.each([
    ['the same page and claim', flag({ note: 'a different note' })],
    ['the same page and quote under another claim id', flag({ claimId: '9:9' })],
    ['the same page with a fragment', flag({ url: `${PAGE}#comments` })],
  ])('skips a flag already stored: %s', (_name, stored) => {
    const result = importFlagAnnotations(flagsToJsonLd([{ ...stored, url: stored.url.replace(/#.*/, '') }, flag({ claimId: '8:1', quote: { exact: 'x', prefix: '', suffix: '' } })]), [flag()], NOW);
    expect(result).toMatchObject({ ok: true, skipped: 1 });
    expect(result.ok && result.flags.map((f) => f.claimId)).toEqual(['8:1']);
  });

  test('skips repeats inside the file', () => {
    expect(importFlagAnnotations(JSON.stringify([foreign(), foreign(), foreign()]), [], NOW)).toMatchObject({ ok: true, skipped: 2 });
  });

  test.each([
    ['not JSON', '{"type": "Annotation"', /not JSON/],
    ['a number', '42', /not Web Annotation JSON-LD/],
    ['an empty list', '[]', /no annotations/],
    ['a collection without items', JSON.stringify({ type: 'AnnotationCollection', first: 'page1' }), /does not include its annotations/],
    ['another context', JSON.stringify(foreign({ '@context': 'https://schema.org' })), /Annotation 1: its @context/],
    ['not an annotation', JSON.stringify(foreign({ type: 'Note' })), /Annotation 1: its type is not "Annotation"/],
    ['a comment, not an assessment', JSON.stringify(foreign({ motivation: 'commenting' })), /Annotation 1: its motivation is "commenting"/],
    ['no target', JSON.stringify(foreign({ target: undefined })), /has no target/],
    ['a non-web source', JSON.stringify(foreign({ target: { source: 'javascript:alert(1)', selector: { type: 'TextQuoteSelector', exact: 'x' } } })), /not a web page address/],
    ['a position selector only', JSON.stringify(foreign({ target: { source: PAGE, selector: { type: 'TextPositionSelector', start: 1, end: 4 } } })), /no TextQuoteSelector/],
    ['empty exact text', JSON.stringify(foreign({ target: { source: PAGE, selector: { type: 'TextQuoteSelector', exact: ' ' } } })), /no exact text/],
    ['a prefix that is not text', JSON.stringify(foreign({ target: { source: PAGE, selector: { type: 'TextQuoteSelector', exact: 'x', prefix: 3 } } })), /prefix is not text/],
    ['an overlong quote', JSON.stringify(foreign({ target: { source: PAGE, selector: { type: 'TextQuoteSelector', exact: 'x'.repeat(2001) } } })), /longer than 2000/],
    ['the second annotation bad', JSON.stringify([foreign(), foreign({ motivation: 'bookmarking' })]), /^Annotation 2: .*Nothing was imported\.$/],
  ])('rejects %s with a clear message and no flags', (_name, text, message) => {
    const result = importFlagAnnotations(text, [], NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  test('a motivation list including assessing is accepted', () => {
    expect(importFlagAnnotations(JSON.stringify(foreign({ motivation: ['assessing', 'commenting'] })), [], NOW).ok).toBe(true);
  });
});
