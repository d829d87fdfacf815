import type { Qualifier } from './types';

/** Words before (or inside) a title that qualify it. */
export const QUALIFIER_WORDS: Record<string, Qualifier | null> = {
  former: 'former',
  ex: 'former',
  then: 'then',
  late: 'then',
  acting: 'acting',
  interim: 'acting',
  incoming: 'elect',
  designate: 'elect',
  outgoing: null,
  current: null,
  sitting: null,
  incumbent: null,
  new: null,
  caretaker: null,
};

/** Political labels that sit before a title without changing the office ("Republican President"). */
export const NEUTRAL_MODIFIERS = new Set([
  'republican', 'democratic', 'democrat', 'labour', 'conservative', 'tory', 'socialist', 'liberal',
  'communist', 'green', 'centrist', 'populist', 'nationalist', 'veteran', 'longtime', 'embattled',
]);

/**
 * A word right before a title that makes it a different post: "deputy prime minister",
 * "shadow chancellor", "club president", "university chancellor", "state premier".
 */
export const OTHER_POST_WORDS = new Set([
  'deputy', 'vice', 'shadow', 'lord', 'under', 'assistant', 'associate', 'junior', 'honorary', 'provincial',
  'state', 'regional', 'student', 'club', 'university', 'college', 'school', 'company', 'firm', 'bank',
  'team', 'party', 'league', 'federation', 'association', 'institute', 'foundation', 'society', 'chamber',
  'board', 'corporation', 'committee', 'campaign', 'group', 'union', 'rugby', 'football', 'hockey',
  'cricket', 'golf', 'tennis', 'chess', 'museum', 'hospital', 'academy', 'council', 'senate', 'assembly',
  'parliament', 'court', 'tribunal', 'commission', 'agency', 'authority', 'bureau', 'office', 'ministry',
  'department', 'city', 'town', 'county', 'municipal', 'district', 'village', 'parish', 'church', 'diocese',
]);

/** Words that may start a sentence before a title without being part of it. */
export const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'as', 'when', 'while', 'after', 'before', 'both', 'then', 'meanwhile',
  'also', 'even', 'today', 'yesterday', 'earlier', 'later', 'since', 'under', 'with', 'without', 'for', 'from',
  'in', 'on', 'at', 'by', 'to', 'of', 'if', 'though', 'although', 'because', 'why', 'how', 'what', 'whether',
  'last', 'next', 'this', 'that', 'these', 'those', 'speaking', 'asked', 'said', 'says', 'like', 'unlike',
  'only', 'neither', 'either', 'not', 'so', 'yet', 'still', 'now', 'once', 'here', 'there', 'where', 'once',
]);

/** Words after a right-hand appositive title that end it ("…, the German chancellor, said"). */
export const AFTER_TITLE_WORDS = new Set([
  'and', 'or', 'but', 'who', 'whom', 'whose', 'which', 'that', 'said', 'says', 'told', 'in', 'on', 'at', 'from',
  'since', 'until', 'when', 'while', 'to', 'has', 'had', 'have', 'was', 'is', 'were', 'are', 'will', 'would',
  'during', 'for', 'with', 'after', 'before', 'as', 'by', 'between', 'than', 'about', 'amid', 'over', 'again',
  'himself', 'herself', 'then', 'announced', 'wrote', 'added', 'noted', 'met', 'urged', 'warned', 'called',
]);

/** "X, who [verb] title": the verbs, with whether they speak of the past. */
export const LINKING_VERBS: Array<{ words: string[]; past: boolean }> = [
  { words: ['also', 'serves', 'as'], past: false },
  { words: ['serves', 'as'], past: false },
  { words: ['served', 'as'], past: true },
  { words: ['is', 'also'], past: false },
  { words: ['was', 'also'], past: true },
  { words: ['has', 'been'], past: false },
  { words: ['had', 'been'], past: true },
  { words: ['is', 'now'], past: false },
  { words: ['is'], past: false },
  { words: ['was'], past: true },
  { words: ['remains'], past: false },
  { words: ['became'], past: true },
];

/** Name particles that are lowercase inside names ("Ursula von der Leyen"). */
export const NAME_PARTICLES = new Set(['von', 'der', 'van', 'de', 'da', 'di', 'del', 'della', 'dos', 'das', 'du', 'la', 'le', 'al', 'bin', 'ibn', 'zu', 'y']);

export const DETERMINERS = new Set(['the', 'a', 'an']);
