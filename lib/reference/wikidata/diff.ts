import { periodOf } from '../../dates/day';
import type { Term } from '../types';

export interface TermChange {
  kind: 'added' | 'changed' | 'removed';
  office: string;
  person: string;
  before: Term | null;
  after: Term | null;
}

export interface TermDiff {
  added: number;
  changed: number;
  removed: number;
  changes: TermChange[];
}

/** The same term, told differently: same office, same person, and their periods meet. */
function sameTerm(a: Term, b: Term): boolean {
  if (a.office !== b.office || a.person !== b.person) return false;
  const aStart = periodOf(a.start).first;
  const bStart = periodOf(b.start).first;
  const aEnd = a.end === null ? Infinity : periodOf(a.end).last;
  const bEnd = b.end === null ? Infinity : periodOf(b.end).last;
  return aStart <= bEnd && bStart <= aEnd;
}

function equalTerms(a: Term, b: Term): boolean {
  return a.start === b.start && a.end === b.end && a.acting === b.acting && a.precision === b.precision;
}

/**
 * Pairs each term after with the term before that it retells (same person and office,
 * overlapping), earliest first; what is left over was added or removed.
 */
export function pairTerms(before: Term[], after: Term[]): Array<[Term | null, Term | null]> {
  const byStart = (a: Term, b: Term) => periodOf(a.start).first - periodOf(b.start).first;
  const unpaired = [...before].sort(byStart);
  const pairs: Array<[Term | null, Term | null]> = [];
  for (const term of [...after].sort(byStart)) {
    // Prefer the old term with the very same start; else the first that overlaps.
    let i = unpaired.findIndex((old) => sameTerm(old, term) && old.start === term.start);
    if (i < 0) i = unpaired.findIndex((old) => sameTerm(old, term));
    pairs.push([i < 0 ? null : unpaired.splice(i, 1)[0]!, term]);
  }
  for (const old of unpaired) pairs.push([old, null]);
  return pairs;
}

/** What replacing `before` with `after` adds, changes and removes. */
export function diffTerms(before: Term[], after: Term[]): TermDiff {
  const changes: TermChange[] = [];
  for (const [old, next] of pairTerms(before, after)) {
    const any = (old ?? next)!;
    if (old && next && equalTerms(old, next)) continue;
    changes.push({ kind: !old ? 'added' : !next ? 'removed' : 'changed', office: any.office, person: any.person, before: old, after: next });
  }
  return {
    added: changes.filter((c) => c.kind === 'added').length,
    changed: changes.filter((c) => c.kind === 'changed').length,
    removed: changes.filter((c) => c.kind === 'removed').length,
    changes,
  };
}
