import type { PageDateSource } from '../page/types';
import type { Qualifier } from '../claims/types';

export type Verdict = 'consistent' | 'mismatch' | 'unknown';

/** Where the date a claim was checked against came from. */
export type ClaimDateSource = 'sentence' | PageDateSource;

export interface ClaimDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  source: ClaimDateSource;
  /** The words or metadata it was read from ("In 2015", "2025-08-19T06:00:00Z"). */
  raw: string;
}

/** One term of office as shown in the detail card. */
export interface TermFact {
  personId: string;
  personName: string;
  personQid: string;
  start: string;
  end: string | null;
  acting: boolean;
}

/** A claim with its verdict and the evidence behind it: everything the badge and the card show. */
export interface CheckedClaim {
  /** Stable within a page: `segment:start`. */
  id: string;
  segment: number;
  start: number;
  end: number;
  text: string;
  person: { id: string; name: string; qid: string } | null;
  office: { id: string; label: string; qid: string; jurisdiction: string } | null;
  qualifier: Qualifier | null;
  date: ClaimDate | null;
  verdict: Verdict;
  /** The verdict in one sentence ("Olaf Scholz was not Chancellor of Germany on 2025-08-18; …"). */
  explanation: string;
  /** Who held the office on the date (for a mismatch, the real holders). */
  holders: TermFact[];
  /** The named person's own terms in this office. */
  personTerms: TermFact[];
  /** Holders of the office around the date, in order, for the card's timeline. */
  timeline: TermFact[];
}
