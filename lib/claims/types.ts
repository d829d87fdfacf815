/** How the text qualifies the title: "former", "then-", "acting", "-elect". */
export type Qualifier = 'former' | 'then' | 'acting' | 'elect';

/**
 * A statement found in a segment that a named person holds (or held, or will hold)
 * an office, before the person and office are pinned down.
 */
export interface ClaimMention {
  segment: number;
  /** Character range of the whole claim in the segment's text ("German Chancellor Olaf Scholz"). */
  start: number;
  end: number;
  text: string;
  /** Range of the name within the segment's text. */
  nameStart: number;
  nameEnd: number;
  /** People the name may refer to (several for "Bush"). */
  personIds: string[];
  /** The name is a one-word short form ("Merkel"). */
  short: boolean;
  /** The title phrase as written ("Chancellor", "national security adviser"). */
  title: string;
  /** Offices with that title, narrowed by the jurisdiction when one is stated. */
  officeIds: string[];
  /** The jurisdiction the text states ("German", "of Ukraine", "Germany's"), if any. */
  jurisdiction: string | null;
  qualifier: Qualifier | null;
  /** "X was prime minister": a past statement with no qualifier word. */
  pastTense: boolean;
}
