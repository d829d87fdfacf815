/**
 * Sentences from the demo article, each with the claims the extension finds in it on a
 * page dated 2025-08-19 (checked with the shipped data). Hostile pages are built from
 * them so the fuzzer knows which badges a page should get.
 */
export interface ClaimSentence {
  text: string;
  claims: string[];
}

export const PAGE_DATE_ISO = '2025-08-19T07:30:00+00:00';
export const PAGE_PATH_DATE = '2025/08/19';

export const CLAIM_SENTENCES: readonly ClaimSentence[] = [
  {
    text: 'European leaders left Washington on Monday with a promise of further talks on security guarantees for Ukraine, after a day of meetings at the White House hosted by President Donald Trump.',
    claims: ['President Donald Trump'],
  },
  {
    text: 'Ukrainian President Volodymyr Zelenskyy said the discussions had been "the most substantive so far", and thanked French President Emmanuel Macron and British Prime Minister Keir Starmer for their support.',
    claims: ['Ukrainian President Volodymyr Zelenskyy', 'French President Emmanuel Macron', 'British Prime Minister Keir Starmer'],
  },
  {
    text: 'German Chancellor Olaf Scholz urged the group to keep sanctions in place until a ceasefire holds, according to two officials who briefed reporters.',
    claims: ['German Chancellor Olaf Scholz'],
  },
  {
    text: 'US Secretary of State Marco Rubio will lead a working group with European national security advisers, the White House said.',
    claims: ['US Secretary of State Marco Rubio'],
  },
  {
    text: 'NATO Secretary General Mark Rutte called the meeting "a step in the right direction".',
    claims: ['NATO Secretary General Mark Rutte'],
  },
  {
    text: "Italian Prime Minister Giorgia Meloni proposed a mechanism modelled on the alliance's mutual defence clause, while Finnish President Alexander Stubb stressed the length of his country's border with Russia.",
    claims: ['Italian Prime Minister Giorgia Meloni', 'Finnish President Alexander Stubb'],
  },
  {
    text: 'Back in 2014, then-Chancellor Angela Merkel had led a similar round of diplomacy that produced the first Minsk agreement.',
    claims: ['then-Chancellor Angela Merkel'],
  },
];

/** Text with no claims in it, for padding. */
export const FILLER_SENTENCES: readonly string[] = [
  'The talks ran late into the evening, and several delegations asked for more time to study the draft.',
  'Officials said a second round could take place in Geneva before the end of the month.',
  'Markets in Europe opened slightly higher on Tuesday as traders weighed the outcome of the meeting.',
  'Aid groups warned that winter would make deliveries to frontline towns harder still.',
  'The proposal still needs the approval of several national parliaments.',
  'Analysts cautioned that the details of any guarantee would matter more than the headline.',
  "The university's chancellor, Professor Ruth Alder, and the city rowing club president were among the guests at a separate evening reception.",
];

/** Right-to-left text (Arabic and Hebrew) with no claims the extension knows. */
export const RTL_SENTENCES: readonly string[] = [
  'غادر القادة الأوروبيون واشنطن يوم الاثنين مع وعد بإجراء مزيد من المحادثات.',
  'وقال المسؤولون إن جولة ثانية قد تعقد في جنيف قبل نهاية الشهر.',
  'המנהיגים האירופים עזבו את וושינגטון ביום שני עם הבטחה לשיחות נוספות.',
  'אנליסטים הזהירו כי הפרטים של כל ערבות חשובים יותר מהכותרת.',
];

/** Characters a reader does not see: zero-width, joiners, soft hyphen, word joiner, BOM. */
export const INVISIBLE_CHARS = ['\u200b', '\u200c', '\u200d', '\u00ad', '\u2060', '\ufeff'] as const;
/** Bidi controls: marks, embeddings, overrides and isolates. */
export const BIDI_CHARS = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069'] as const;

/** A claim as a reader reads it: without invisible and bidi characters, spaces collapsed. */
export function readerText(text: string): string {
  return text
    .replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
