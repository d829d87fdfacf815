import type { JurisdictionEntry, ReferenceIndex } from '../reference/reference-index';
import { tokenize, type Token } from '../text/tokens';
import type { ClaimMention, Qualifier } from './types';
import {
  AFTER_TITLE_WORDS,
  DETERMINERS,
  LINKING_VERBS,
  NAME_PARTICLES,
  NEUTRAL_MODIFIERS,
  OTHER_POST_WORDS,
  QUALIFIER_WORDS,
  SENTENCE_OPENERS,
} from './words';

export interface NameMatch {
  first: number;
  last: number;
  personIds: string[];
  short: boolean;
}

interface TitleParse {
  /** First and last token of the whole claim phrase around the name. */
  first: number;
  last: number;
  title: string;
  officeIds: string[];
  jurisdiction: string | null;
  qualifier: Qualifier | null;
  pastTense: boolean;
}

/**
 * Finds officeholder claims in one segment of text: a known person's name with a
 * title before it ("German Chancellor Olaf Scholz") or after it ("Olaf Scholz, the
 * German chancellor,", "Angela Merkel, who was then chancellor"). Only names in the
 * reference data are considered, and only titles of offices in it: anything else is
 * not a claim this product can check, so it stays unmarked.
 */
export function extractClaims(index: ReferenceIndex, segment: number, text: string, read: ReadNames = readNames(index, text)): ClaimMention[] {
  const { tokens, names } = read;
  const claims: ClaimMention[] = [];
  for (const name of names) {
    const parse = titleBefore(index, tokens, name) ?? titleAfter(index, tokens, name, name.short);
    if (!parse || parse.officeIds.length === 0) continue;
    const start = tokens[parse.first]!.start;
    const end = tokens[parse.last]!.end;
    claims.push({
      segment,
      start,
      end,
      text: text.slice(start, end),
      nameStart: tokens[name.first]!.start,
      nameEnd: tokens[name.last]!.end,
      personIds: name.personIds,
      short: name.short,
      title: parse.title,
      officeIds: parse.officeIds,
      jurisdiction: parse.jurisdiction,
      qualifier: parse.qualifier,
      pastTense: parse.pastTense,
    });
  }
  return claims;
}

/** A segment's tokens and the known names in them: read once, used by the claim finder and the page analysis. */
export interface ReadNames {
  tokens: Token[];
  names: NameMatch[];
}

export function readNames(index: ReferenceIndex, text: string): ReadNames {
  const tokens = tokenize(text);
  return { tokens, names: findNames(index, tokens) };
}

/** Known names, longest first, in capitalized words (particles aside). */
export function findNames(index: ReferenceIndex, tokens: Token[]): NameMatch[] {
  const found: NameMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A name starts with a capital, or with a particle ("von der Leyen"); it must end with a capital.
    if (!t.word || (!t.capitalized && !NAME_PARTICLES.has(t.fold))) continue;
    const match = index.names.longest(
      (k) => tokens[k]?.fold,
      i,
      1,
      // A name ends at a possessive ("Merkel's") and never spans punctuation.
      (k) => {
        const tok = tokens[k]!;
        if (!tok.word || (k > i && tokens[k - 1]!.possessive)) return false;
        return tok.capitalized || NAME_PARTICLES.has(tok.fold);
      },
    );
    if (!match) continue;
    const last = i + match.length - 1;
    if (!tokens[last]!.capitalized) continue;
    found.push({
      first: i,
      last,
      personIds: [...new Set(match.values.map((v) => v.person))],
      short: match.values.every((v) => v.short),
    });
    i = last;
  }
  return found;
}

/** "[qualifier] [jurisdiction] [qualifier] Title[-elect] Name [of Country]" */
function titleBefore(index: ReferenceIndex, tokens: Token[], name: NameMatch): TitleParse | null {
  let i = name.first - 1;
  let commaBetween = false;
  if (tokens[i]?.text === ',') {
    commaBetween = true;
    i--;
  }
  let qualifier: Qualifier | null = null;
  if (tokens[i]?.fold === 'elect' && tokens[i]!.hyphenBefore) {
    qualifier = 'elect';
    i--;
  }
  const title = matchTitle(index, tokens, i, -1);
  if (!title || tokens[i]!.possessive) return null;
  const titleFirst = i - title.length + 1;
  const prefix = readPrefix(index, tokens, titleFirst - 1);
  if (prefix === null) return null;
  qualifier = qualifier ?? prefix.qualifier ?? qualifierInTitle(title.words);
  let jurisdiction = prefix.jurisdiction;
  const first = prefix.first;
  // A comma between title and name only in "the German chancellor, Olaf Scholz" / "Germany's chancellor, …".
  if (commaBetween && !(prefix.determiner || prefix.possessive)) return null;
  let last = name.last;
  const after = tokens[name.last + 1];
  if (after?.fold === 'of' && !tokens[name.last]!.possessive) {
    const place = matchJurisdiction(index, tokens, name.last + 2, 1);
    if (place && jurisdiction === null) {
      jurisdiction = place.entry.jurisdiction;
      last = name.last + 1 + place.length;
    }
  }
  return {
    first,
    last,
    title: tokens
      .slice(titleFirst, i + 1)
      .map((t) => t.text)
      .join(' '),
    officeIds: officesFor(index, title.officeIds, jurisdiction),
    jurisdiction,
    qualifier,
    pastTense: false,
  };
}

/** Words before a title: qualifiers, a jurisdiction, neutral labels; null when they make it another post. */
function readPrefix(
  index: ReferenceIndex,
  tokens: Token[],
  from: number,
): { first: number; qualifier: Qualifier | null; jurisdiction: string | null; determiner: boolean; possessive: boolean } | null {
  let i = from;
  let qualifier: Qualifier | null = null;
  let jurisdiction: string | null = null;
  let possessive = false;
  for (;;) {
    const tok = tokens[i];
    if (!tok || !tok.word) break;
    if (tok.fold in QUALIFIER_WORDS) {
      qualifier = qualifier ?? QUALIFIER_WORDS[tok.fold]!;
      i--;
      continue;
    }
    const place: JurisdictionMatch | null = jurisdiction === null ? matchJurisdiction(index, tokens, i, -1) : null;
    if (place) {
      jurisdiction = place.entry.jurisdiction;
      possessive = tokens[i]!.possessive;
      i -= place.length;
      continue;
    }
    if (tok.capitalized && NEUTRAL_MODIFIERS.has(tok.fold)) {
      i--;
      continue;
    }
    break;
  }
  const first = i + 1;
  const before = tokens[i];
  if (before?.word) {
    // "deputy prime minister", "club president": only right against the title ("Under former ECB president" is fine).
    if (OTHER_POST_WORDS.has(before.fold) && first === from + 1) return null;
    // "Bundesbank President", "Harvard president": a capitalized word we do not know names another body,
    // unless it is a function word that merely opens the sentence ("Both", "When") or part of a name.
    if (before.capitalized && !before.possessive && !SENTENCE_OPENERS.has(before.fold) && !isNameToken(index, tokens, i)) return null;
    // "Trump's national security adviser": someone's adviser, not a jurisdiction — accepted (the title decides).
    if (before.possessive && !before.capitalized) return null;
  }
  return { first, qualifier, jurisdiction, determiner: before ? DETERMINERS.has(before.fold) : false, possessive };
}

/** "Name, [who verb] [the] [qualifier] [jurisdiction] [qualifier] title[-elect] [of Country]" and "Name was title". */
function titleAfter(index: ReferenceIndex, tokens: Token[], name: NameMatch, shortName: boolean): TitleParse | null {
  if (tokens[name.last]!.possessive) return null;
  let i = name.last + 1;
  let pastTense = false;
  let qualifier: Qualifier | null = null;
  const comma = tokens[i]?.text === ',';
  if (comma) i++;
  if (comma && tokens[i]?.fold === 'who') i++;
  if (!comma || tokens[i - 1]?.fold === 'who') {
    const verb = LINKING_VERBS.find((v) => v.words.every((w, k) => tokens[i + k]?.fold === w));
    if (!verb) {
      if (!comma) return null;
    } else {
      i += verb.words.length;
      pastTense = verb.past;
    }
  }
  if (shortName && !comma) return null;
  // "who also serves as President Donald Trump's acting national security adviser": skip the possessor.
  i = skipPossessor(index, tokens, i);
  let determiner = false;
  while (tokens[i] && DETERMINERS.has(tokens[i]!.fold)) {
    determiner = true;
    i++;
  }
  let jurisdiction: string | null = null;
  for (let guard = 0; guard < 4; guard++) {
    const tok = tokens[i];
    if (!tok?.word) break;
    if (tok.fold in QUALIFIER_WORDS && !matchTitle(index, tokens, i, 1)) {
      qualifier = qualifier ?? QUALIFIER_WORDS[tok.fold]!;
      i++;
      continue;
    }
    const place: JurisdictionMatch | null = jurisdiction === null ? matchJurisdiction(index, tokens, i, 1) : null;
    if (place) {
      jurisdiction = place.entry.jurisdiction;
      i += place.length;
      continue;
    }
    break;
  }
  const title = matchTitle(index, tokens, i, 1);
  if (!title) return null;
  // A bare capitalized title after a comma with no article is usually a list ("Merkel, President Macron").
  if (comma && !determiner && jurisdiction === null && tokens[i]!.capitalized && !pastTense && tokens[name.last + 2]?.fold !== 'who') return null;
  const titleFirst = i;
  i += title.length;
  qualifier = qualifier ?? qualifierInTitle(title.words);
  if (tokens[i]?.fold === 'elect' && tokens[i]!.hyphenBefore) {
    qualifier = 'elect';
    i++;
  }
  if (tokens[i - 1]!.possessive) return null;
  if (tokens[i]?.fold === 'of') {
    const place = matchJurisdiction(index, tokens, i + 1, 1);
    if (!place) return null; // "chancellor of the University of Eastbridge"
    jurisdiction = jurisdiction ?? place.entry.jurisdiction;
    i += 1 + place.length;
  }
  const next = tokens[i];
  if (next && next.word && !AFTER_TITLE_WORDS.has(next.fold)) return null; // "the German chancellor candidate"
  return {
    first: name.first,
    last: i - 1,
    title: tokens
      .slice(titleFirst, titleFirst + title.length)
      .map((t) => t.text)
      .join(' '),
    officeIds: officesFor(index, title.officeIds, jurisdiction),
    jurisdiction,
    qualifier,
    pastTense: pastTense && qualifier === null,
  };
}

function skipPossessor(index: ReferenceIndex, tokens: Token[], from: number): number {
  for (let k = from; k < from + 6 && tokens[k]?.word && tokens[k]!.capitalized; k++) {
    if (tokens[k]!.possessive) {
      // A possessive country is a jurisdiction, read by the caller.
      if (matchJurisdiction(index, tokens, k, -1)) return from;
      return k + 1;
    }
  }
  return from;
}

function matchTitle(
  index: ReferenceIndex,
  tokens: Token[],
  at: number,
  step: 1 | -1,
): { length: number; officeIds: string[]; words: string[] } | null {
  const trie = step === -1 ? index.titlesReversed : index.titles;
  const found = trie.longest((k) => tokens[k]?.fold, at, step, (k) => tokens[k]!.word && (k === at || !tokens[k - step]!.possessive || step === 1));
  if (!found) return null;
  const lo = step === 1 ? at : at - found.length + 1;
  // A title's inner words may not carry a possessive ("Prime Minister's Questions" stops at "Minister's").
  for (let k = lo; k < lo + found.length - 1; k++) if (tokens[k]!.possessive) return null;
  const words = tokens.slice(lo, lo + found.length).map((t) => t.fold);
  return { length: found.length, officeIds: found.values, words };
}

type JurisdictionMatch = { length: number; entry: JurisdictionEntry };

function matchJurisdiction(index: ReferenceIndex, tokens: Token[], at: number, step: 1 | -1): JurisdictionMatch | null {
  const trie = step === -1 ? index.jurisdictionWordsReversed : index.jurisdictionWords;
  const found = trie.longest((k) => tokens[k]?.fold, at, step, (k) => tokens[k]!.word && tokens[k]!.capitalized);
  if (!found) return null;
  const lo = step === 1 ? at : at - found.length + 1;
  const written = tokens
    .slice(lo, lo + found.length)
    .map((t) => t.text)
    .join('');
  // Abbreviations must be written in capitals: "WHO" is the organization, "Who" is not; "US" not "Us".
  const entry = found.values.find((e) => !e.abbreviation || written.replace(/\./g, '') === written.replace(/\./g, '').toUpperCase());
  return entry ? { length: found.length, entry } : null;
}

function isNameToken(index: ReferenceIndex, tokens: Token[], at: number): boolean {
  return index.names.longest((k) => tokens[k]?.fold, at, 1) !== null;
}

function qualifierInTitle(words: string[]): Qualifier | null {
  const q = words[0] !== undefined ? QUALIFIER_WORDS[words[0]] : undefined;
  return q ?? null;
}

/** Offices with the title, in the stated jurisdiction if any. */
function officesFor(index: ReferenceIndex, officeIds: string[], jurisdiction: string | null): string[] {
  if (jurisdiction === null) return officeIds;
  return officeIds.filter((id) => index.offices.get(id)?.jurisdiction === jurisdiction);
}
