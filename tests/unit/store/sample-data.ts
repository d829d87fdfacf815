/**
 * A small reference data set written for these tests: three offices with handovers on
 * the same day, month-precise and acting terms, a person in two spellings, and an office
 * whose data stops before today. Dates and QIDs as in the project's data/ files.
 */
import type { Flag } from '../../../lib/messaging/protocol';
import type { ReferenceDataset, Term } from '../../../lib/reference/types';
import { coarsestPrecision } from '../../../lib/reference/source';

function term(office: string, person: string, start: string, end: string | null, extra: Partial<Term> = {}): Term {
  return { person, office, start, end, acting: false, precision: coarsestPrecision(start, end), ...extra };
}

const DE = 'chancellor-of-germany';
const IMF = 'managing-director-of-the-international-monetary-fund';
const UK = 'chancellor-of-the-exchequer';

export function sampleDataset(version = 'sample-1'): ReferenceDataset {
  return {
    version,
    asOf: '2024-07-04',
    jurisdictions: [
      { id: 'DE', name: 'Germany', names: ['Germany', 'Federal Republic of Germany'], demonyms: ['German'] },
      { id: 'GB', name: 'United Kingdom', names: ['United Kingdom', 'UK', 'U.K.', 'Britain'], demonyms: ['British', 'UK'] },
      { id: 'IMF', name: 'International Monetary Fund', names: ['International Monetary Fund', 'IMF'], demonyms: ['IMF'] },
    ],
    offices: [
      {
        id: DE,
        label: 'Chancellor of Germany',
        qid: 'Q4970706',
        jurisdiction: 'DE',
        titles: ['chancellor', 'federal chancellor', 'bundeskanzler'],
        singleHolder: true,
        vacancies: false,
        asOf: '2025-09-30',
      },
      {
        id: IMF,
        label: 'Managing Director of the International Monetary Fund',
        qid: 'Q1142885',
        jurisdiction: 'IMF',
        titles: ['managing director', 'imf chief'],
        singleHolder: true,
        vacancies: false,
        asOf: '2025-06-30',
      },
      {
        id: UK,
        label: 'Chancellor of the Exchequer',
        qid: 'Q531471',
        jurisdiction: 'GB',
        titles: ['chancellor', 'chancellor of the exchequer'],
        singleHolder: true,
        vacancies: false,
        asOf: '2024-07-04',
      },
    ],
    people: [
      { id: 'helmut-kohl', name: 'Helmut Kohl', aliases: ['Kohl'], qid: 'Q2518' },
      { id: 'gerhard-schroder', name: 'Gerhard Schröder', aliases: ['Schröder', 'Schroeder', 'Gerhard Schroeder'], qid: 'Q2530' },
      { id: 'angela-merkel', name: 'Angela Merkel', aliases: ['Merkel'], qid: 'Q567' },
      { id: 'olaf-scholz', name: 'Olaf Scholz', aliases: ['Scholz'], qid: 'Q61053' },
      { id: 'friedrich-merz', name: 'Friedrich Merz', aliases: ['Merz'], qid: 'Q566257' },
      { id: 'michel-camdessus', name: 'Michel Camdessus', aliases: ['Camdessus'], qid: 'Q453107' },
      { id: 'stanley-fischer', name: 'Stanley Fischer', aliases: ['Fischer'], qid: 'Q440766' },
      { id: 'horst-kohler', name: 'Horst Köhler', aliases: ['Köhler', 'Koehler', 'Horst Koehler'], qid: 'Q2523' },
      { id: 'anne-krueger', name: 'Anne Krueger', aliases: ['Krueger'], qid: 'Q441779' },
      { id: 'rodrigo-rato', name: 'Rodrigo Rato', aliases: ['Rato'], qid: 'Q312741' },
      { id: 'dominique-strauss-kahn', name: 'Dominique Strauss-Kahn', aliases: ['Strauss-Kahn', 'DSK'], qid: 'Q48990' },
      { id: 'john-lipsky', name: 'John Lipsky', aliases: ['Lipsky'], qid: 'Q1699117' },
      { id: 'christine-lagarde', name: 'Christine Lagarde', aliases: ['Lagarde'], qid: 'Q484605' },
      { id: 'david-lipton', name: 'David Lipton', aliases: ['Lipton'], qid: 'Q5237876' },
      { id: 'kristalina-georgieva', name: 'Kristalina Georgieva', aliases: ['Georgieva'], qid: 'Q265467' },
      { id: 'rishi-sunak', name: 'Rishi Sunak', aliases: ['Sunak'], qid: 'Q20055561' },
      { id: 'nadhim-zahawi', name: 'Nadhim Zahawi', aliases: ['Zahawi'], qid: 'Q259361' },
      { id: 'kwasi-kwarteng', name: 'Kwasi Kwarteng', aliases: ['Kwarteng'], qid: 'Q750204' },
      { id: 'jeremy-hunt', name: 'Jeremy Hunt', aliases: ['Hunt'], qid: 'Q333533' },
    ],
    terms: [
      term(DE, 'helmut-kohl', '1982-10-01', '1998-10-27'),
      term(DE, 'gerhard-schroder', '1998-10-27', '2005-11-22'),
      term(DE, 'angela-merkel', '2005-11-22', '2021-12-08'),
      term(DE, 'olaf-scholz', '2021-12-08', '2025-05-06'),
      term(DE, 'friedrich-merz', '2025-05-06', null),
      term(IMF, 'michel-camdessus', '1987-01-16', '2000-02-14'),
      term(IMF, 'stanley-fischer', '2000-02-14', '2000-05-01', { acting: true }),
      term(IMF, 'horst-kohler', '2000-05-01', '2004-03-04'),
      term(IMF, 'anne-krueger', '2004-03-04', '2004-06-07', { acting: true }),
      term(IMF, 'rodrigo-rato', '2004-06-07', '2007-11-01'),
      term(IMF, 'dominique-strauss-kahn', '2007-11-01', '2011-05-18'),
      term(IMF, 'john-lipsky', '2011-05', '2011-07-05', { acting: true }),
      term(IMF, 'christine-lagarde', '2011-07-05', '2019-09-12'),
      term(IMF, 'david-lipton', '2019-07', '2019-10-01', { acting: true }),
      term(IMF, 'kristalina-georgieva', '2019-10-01', null),
      term(UK, 'rishi-sunak', '2020-02-13', '2022-07-05'),
      term(UK, 'nadhim-zahawi', '2022-07-05', '2022-09-06'),
      term(UK, 'kwasi-kwarteng', '2022-09-06', '2022-10-14'),
      term(UK, 'jeremy-hunt', '2022-10-14', '2024-07-05'),
    ],
  };
}

export const OFFICES = { DE, IMF, UK };

export function sampleFlag(n: number): Flag {
  const url = `https://news.example/world/2025/08/${10 + n}/story-${n}`;
  const claimId = `${n}:0`;
  return {
    id: `${url}#${claimId}`,
    url,
    claimId,
    claimText: `German Chancellor Olaf Scholz (${n})`,
    verdictShown: 'mismatch',
    reason: n % 2 ? 'wrong-person' : 'reference-wrong',
    note: `Note ${n}: Erdoğan’s “quote” — kept as written.`,
    quote: { exact: 'German Chancellor Olaf Scholz', prefix: 'on Monday, ', suffix: ' said' },
    createdAt: `2025-08-${10 + n}T09:15:00.000Z`,
  };
}
