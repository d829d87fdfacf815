import type { CallName, Envelope } from './protocol';
import { FLAG_REASONS } from './protocol';

type Check = (value: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (max: number): Check => (v) => (typeof v === 'string' && v.length <= max ? null : `expected text of at most ${max} characters`);
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'expected true or false');
const oneOf = (values: readonly string[]): Check => (v) => (typeof v === 'string' && values.includes(v) ? null : `expected one of ${values.join(', ')}`);
const nullable = (check: Check): Check => (v) => (v === null ? null : check(v));
const obj = (fields: Record<string, Check>, optional: string[] = []): Check => (v) => {
  if (!isObject(v)) return 'expected an object';
  // Object.hasOwn, not `in`: "__proto__" or "constructor" must not pass as known fields.
  for (const key of Object.keys(v)) if (!Object.hasOwn(fields, key)) return `unexpected field "${key}"`;
  for (const [key, check] of Object.entries(fields)) {
    if (!(key in v)) {
      if (optional.includes(key)) continue;
      return `missing field "${key}"`;
    }
    const problem = check(v[key]);
    if (problem) return `${key}: ${problem}`;
  }
  return null;
};
const list = (item: Check, max: number): Check => (v) => {
  if (!Array.isArray(v)) return 'expected a list';
  if (v.length > max) return `expected at most ${max} items`;
  for (const [i, x] of v.entries()) {
    const problem = item(x);
    if (problem) return `[${i}]: ${problem}`;
  }
  return null;
};
const int: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? null : 'expected a whole number');

const pageDate = obj({ date: str(10), source: oneOf(['json-ld', 'meta', 'time-element', 'url', 'byline', 'live-entry']), raw: str(500) });
const segment = obj(
  { index: int, text: str(8_000_000), kind: oneOf(['headline', 'heading', 'paragraph', 'caption', 'list-item', 'quote']), date: pageDate },
  ['date'],
);
const verdict = oneOf(['consistent', 'mismatch', 'unknown']);
const quote = obj({ exact: str(2000), prefix: str(200), suffix: str(200) });

const REQUESTS: Record<CallName, Check> = {
  checkPage: obj({ url: str(8192), segments: list(segment, 50_000), pageDate: nullable(pageDate) }),
  flagClaim: obj({
    url: str(8192),
    claimId: str(64),
    claimText: str(2000),
    verdictShown: verdict,
    reason: oneOf(FLAG_REASONS),
    note: str(2000),
    quote,
  }),
  unflagClaim: obj({ url: str(8192), claimId: str(64) }),
  referenceInfo: obj({}),
  referenceChanged: obj({}),
  setSiteEnabled: obj({ host: str(255), enabled: bool }),
};

/** The envelope if it is a well-formed request of a known call, else why not. */
export function validateEnvelope(message: unknown): { ok: true; envelope: Envelope } | { ok: false; error: string } {
  if (!isObject(message)) return { ok: false, error: 'Malformed message: expected an object' };
  const call = message.call;
  if (typeof call !== 'string' || !Object.hasOwn(REQUESTS, call)) return { ok: false, error: `Unknown call ${JSON.stringify(call)}` };
  const keys = Object.keys(message);
  if (keys.some((k) => k !== 'call' && k !== 'request')) return { ok: false, error: 'Malformed message: unexpected fields' };
  const problem = REQUESTS[call as CallName](message.request);
  if (problem) return { ok: false, error: `Malformed ${call} request: ${problem}` };
  return { ok: true, envelope: message as unknown as Envelope };
}
