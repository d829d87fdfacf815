import { describe, expect, test } from 'vitest';
import { validateEnvelope } from '../../../lib/messaging/validate';

const segment = { index: 0, text: 'German Chancellor Olaf Scholz urged the group.', kind: 'paragraph' };
const pageDate = { date: '2025-08-19', source: 'meta', raw: '2025-08-19T07:30:00+00:00' };
const checkPage = { url: 'https://news.example/world/a', segments: [segment], pageDate };
const flag = {
  url: 'https://news.example/world/a',
  claimId: '0:0',
  claimText: 'German Chancellor Olaf Scholz',
  verdictShown: 'mismatch',
  reason: 'wrong-person',
  note: '',
  quote: { exact: 'German Chancellor Olaf Scholz', prefix: '', suffix: ' urged' },
};

describe('validateEnvelope accepts each call in its documented shape', () => {
  test.each([
    ['checkPage', checkPage],
    ['checkPage without a page date', { ...checkPage, pageDate: null }],
    ['checkPage with a live-entry segment date', { ...checkPage, segments: [{ ...segment, date: { ...pageDate, source: 'live-entry' } }] }],
    ['flagClaim', flag],
    ['unflagClaim', { url: flag.url, claimId: '0:0' }],
    ['referenceInfo', {}],
    ['setSiteEnabled', { host: 'news.example', enabled: false }],
  ])('%s', (name, request) => {
    const call = name.split(' ')[0];
    expect(validateEnvelope({ call, request })).toMatchObject({ ok: true });
  });
});

describe('validateEnvelope refuses malformed messages with a reason', () => {
  const parsed = (json: string) => JSON.parse(json) as unknown;
  test.each<[string, unknown, RegExp]>([
    ['nothing', undefined, /expected an object/],
    ['null', null, /expected an object/],
    ['a string', 'checkPage', /expected an object/],
    ['an array', [{ call: 'checkPage', request: checkPage }], /expected an object/],
    ['no call', { request: checkPage }, /Unknown call/],
    ['a call that does not exist', { call: 'replaceReference', request: {} }, /Unknown call "replaceReference"/],
    ['a call named after an Object.prototype member', { call: 'toString', request: {} }, /Unknown call/],
    ['a call named __proto__', parsed('{"call":"__proto__","request":{}}'), /Unknown call/],
    ['a call that is not text', { call: 7, request: {} }, /Unknown call/],
    ['fields beside call and request', { call: 'referenceInfo', request: {}, sender: 'background' }, /unexpected fields/],
    ['no request', { call: 'unflagClaim' }, /expected an object/],
    ['a request that is an array', { call: 'referenceInfo', request: [] }, /expected an object/],
    ['a missing field', { call: 'unflagClaim', request: { url: flag.url } }, /missing field "claimId"/],
    ['an extra field', { call: 'unflagClaim', request: { url: flag.url, claimId: 'a', all: true } }, /unexpected field "all"/],
    ['an own __proto__ field', { call: 'referenceInfo', request: parsed('{"__proto__":{}}') }, /unexpected field "__proto__"/],
    ['a field named constructor', { call: 'unflagClaim', request: { url: flag.url, claimId: 'a', constructor: 1 } }, /unexpected field "constructor"/],
    ['a url that is not text', { call: 'flagClaim', request: { ...flag, url: 1 } }, /url: expected text/],
    ['a url too long', { call: 'unflagClaim', request: { url: `https://a.example/${'x'.repeat(9000)}`, claimId: 'a' } }, /url: expected text of at most 8192/],
    ['a verdict that does not exist', { call: 'flagClaim', request: { ...flag, verdictShown: 'true' } }, /verdictShown: expected one of/],
    ['a reason that does not exist', { call: 'flagClaim', request: { ...flag, reason: 'spam' } }, /reason: expected one of/],
    ['a note too long', { call: 'flagClaim', request: { ...flag, note: 'x'.repeat(2001) } }, /note: expected text of at most 2000/],
    ['a quote with an extra field', { call: 'flagClaim', request: { ...flag, quote: { ...flag.quote, html: '<b>' } } }, /quote: unexpected field "html"/],
    ['segments that are not a list', { call: 'checkPage', request: { ...checkPage, segments: { 0: segment } } }, /segments: expected a list/],
    ['too many segments', { call: 'checkPage', request: { ...checkPage, segments: Array.from({ length: 50_001 }, () => segment) } }, /segments: expected at most 50000/],
    ['a negative segment index', { call: 'checkPage', request: { ...checkPage, segments: [{ ...segment, index: -1 }] } }, /segments: \[0\]: index: expected a whole number/],
    ['a fractional segment index', { call: 'checkPage', request: { ...checkPage, segments: [{ ...segment, index: 0.5 }] } }, /index: expected a whole number/],
    ['a NaN segment index', { call: 'checkPage', request: { ...checkPage, segments: [{ ...segment, index: Number.NaN }] } }, /index: expected a whole number/],
    ['a segment kind that does not exist', { call: 'checkPage', request: { ...checkPage, segments: [{ ...segment, kind: 'script' }] } }, /kind: expected one of/],
    ['a page date from an unknown source', { call: 'checkPage', request: { ...checkPage, pageDate: { ...pageDate, source: 'guess' } } }, /pageDate: source: expected one of/],
    ['a host that is not text', { call: 'setSiteEnabled', request: { host: ['a'], enabled: true } }, /host: expected text/],
    ['enabled as text', { call: 'setSiteEnabled', request: { host: 'a.example', enabled: 'false' } }, /enabled: expected true or false/],
  ])('%s', (_name, message, reason) => {
    const result = validateEnvelope(message);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });
});
