/**
 * Invented news pages for the benchmark, written from the shipped reference data's
 * names so the claim finder has real work: a typical article (1,500 words, 20
 * claims) and a very long page (1 MB, 2,000 claims). Deterministic: the same
 * data gives the same pages, so runs compare.
 */
import { analyzePage } from '../../lib/analysis/analyze-page';
import type { ReferenceIndex } from '../../lib/reference/reference-index';

/** The pages' publication date; claims are about holders on or before it. */
export const BENCH_PAGE_DATE = '2025-06-01';

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['The committee', 'Local farmers', 'The harbour authority', 'Several economists', 'A spokeswoman for the ministry', 'Residents of the valley', 'The rail operator', 'Teachers in the region', 'The central statistics office', 'Shipping firms'];
const VERBS = ['said', 'warned', 'expected', 'reported', 'argued', 'noted', 'estimated', 'suggested'];
const OBJECTS = ['that grain prices would rise before the harvest', 'that the new bridge would open later than planned', 'a sharp fall in winter tourism', 'that water levels in the reservoir remained low', 'that the ferry timetable would change in the spring', 'a shortage of qualified nurses in rural clinics', 'higher costs for imported fertiliser', 'that the coastal road needed urgent repairs', 'steady demand for electric buses', 'that the museum would extend its opening hours'];
const TAILS = ['according to figures published on Tuesday', 'in a statement issued late in the evening', 'after weeks of negotiation', 'despite objections from opposition members', 'citing a survey of several thousand households', 'in an interview with a regional broadcaster'];

function filler(rand: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}, ${pick(TAILS)}.`;
}

function titleCase(phrase: string): string {
  return phrase.replace(/\b([a-z])([a-z]*)/g, (w, first: string, rest: string) => (['of', 'the', 'and', 'for'].includes(w) ? w : first.toUpperCase() + rest));
}

/**
 * Claim phrases the claim finder reads as exactly one claim: "German Chancellor
 * Friedrich Merz". Current holders and some earlier ones (which then are mismatches).
 */
export function claimPhrases(index: ReferenceIndex): string[] {
  const phrases: string[] = [];
  for (const term of index.data.terms) {
    const office = index.offices.get(term.office);
    const person = index.people.get(term.person);
    const jurisdiction = office ? index.jurisdictions.get(office.jurisdiction) : undefined;
    if (!office || !person || !jurisdiction) continue;
    const title = [...office.titles].filter((t) => t.split(' ').length <= 3).sort((a, b) => a.length - b.length)[0];
    const demonym = jurisdiction.demonyms[0];
    if (!title || !demonym) continue;
    const phrase = `${demonym} ${titleCase(title)} ${person.name}`;
    const sentence = `On Tuesday, ${phrase} met officials in the capital.`;
    const claims = analyzePage(index, { segments: [{ index: 0, text: sentence, kind: 'paragraph' }], pageDate: { date: BENCH_PAGE_DATE, source: 'meta', raw: BENCH_PAGE_DATE } });
    if (claims.length === 1 && claims[0]!.text === phrase && claims[0]!.verdict !== 'unknown' && !phrases.includes(phrase)) phrases.push(phrase);
  }
  return phrases;
}

const CLAIM_FRAMES = [
  (c: string) => `On Tuesday, ${c} met officials in the capital.`,
  (c: string) => `In a short address, ${c} thanked the volunteers.`,
  (c: string) => `Later, ${c} visited the flooded districts.`,
];

export interface BenchPage {
  html: string;
  /** Claims written into the page. */
  claims: number;
  words: number;
  /** The article text alone, paragraph by paragraph (for the Node throughput run). */
  paragraphs: string[];
}

/** An article of about `words` words with `claims` claims spread evenly, up to `bytes` of HTML if given. */
export function articlePage(phrases: string[], options: { words: number; claims: number; seed: number; headline: string }): BenchPage {
  const rand = random(options.seed);
  const paragraphs: string[] = [];
  const perParagraph = Math.max(1, Math.round(options.words / options.claims));
  let words = 0;
  for (let i = 0; i < options.claims; i++) {
    const parts = [CLAIM_FRAMES[i % CLAIM_FRAMES.length]!(phrases[Math.floor(rand() * phrases.length)]!)];
    let count = parts[0]!.split(' ').length;
    while (count < perParagraph) {
      const s = filler(rand);
      parts.push(s);
      count += s.split(' ').length;
    }
    // The claim sits in the middle of its paragraph, as in real copy.
    parts.splice(0, 0, ...parts.splice(1, Math.floor((parts.length - 1) / 2)));
    words += count;
    paragraphs.push(parts.join(' '));
  }
  const body = paragraphs.map((p) => `      <p>${p}</p>`).join('\n');
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${options.headline} — The Lowland Courier</title>
  <meta property="article:published_time" content="${BENCH_PAGE_DATE}T08:00:00+00:00">
  <style>body { font: 18px/1.6 Georgia, serif; margin: 0 auto; max-width: 46rem; padding: 0 1rem; }</style>
</head>
<body>
  <header><nav><a href="/">The Lowland Courier</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
  <main>
    <article>
      <h1>${options.headline}</h1>
      <p class="byline">By Imre Valk · ${BENCH_PAGE_DATE}</p>
${body}
    </article>
  </main>
  <footer>© The Lowland Courier, an invented newspaper for benchmarks.</footer>
</body>
</html>
`;
  return { html, claims: options.claims, words, paragraphs };
}

/** The typical article: about 1,500 words, 20 claims. */
export function typicalArticle(phrases: string[]): BenchPage {
  return articlePage(phrases, { words: 1500, claims: 20, seed: 1, headline: 'Ministers meet as harvest worries grow' });
}

/** The big page: about 1 MB of HTML with 2,000 claims. */
export function bigPage(phrases: string[]): BenchPage {
  // 2,000 paragraphs of ~85 words make about 1 MB with the markup.
  return articlePage(phrases, { words: 134_000, claims: 2000, seed: 2, headline: 'A year of summits: the complete record' });
}
