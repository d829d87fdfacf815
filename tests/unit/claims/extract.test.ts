import { describe, expect, test } from 'vitest';
import { extractClaims } from '../../../lib/claims/extract';
import { miniIndex } from '../../fixtures/mini-reference';

const find = (text: string) =>
  extractClaims(miniIndex, 0, text).map((c) => ({
    text: c.text,
    people: c.personIds,
    offices: c.officeIds,
    qualifier: c.qualifier,
  }));

describe('claim forms the finder reads', () => {
  test.each([
    ['German Chancellor Olaf Scholz said so.', 'German Chancellor Olaf Scholz', 'olaf-scholz', ['chancellor-of-germany'], null],
    ['US Secretary of State Marco Rubio arrived.', 'US Secretary of State Marco Rubio', 'marco-rubio', ['united-states-secretary-of-state'], null],
    ['U.S. Secretary of State Marco Rubio arrived.', 'U.S. Secretary of State Marco Rubio', 'marco-rubio', ['united-states-secretary-of-state'], null],
    ['He met President Volodymyr Zelensky of Ukraine on Monday.', 'President Volodymyr Zelensky of Ukraine', 'volodymyr-zelenskyy', ['president-of-ukraine'], null],
    ['Olaf Scholz, the German chancellor, said.', 'Olaf Scholz, the German chancellor', 'olaf-scholz', ['chancellor-of-germany'], null],
    ["Germany's chancellor, Olaf Scholz, said.", "Germany's chancellor, Olaf Scholz", 'olaf-scholz', ['chancellor-of-germany'], null],
    [
      "Marco Rubio, who also serves as President Donald Trump's acting national security adviser, spoke.",
      "Marco Rubio, who also serves as President Donald Trump's acting national security adviser",
      'marco-rubio',
      ['united-states-national-security-advisor'],
      'acting',
    ],
    ['Angela Merkel, who was then chancellor, agreed.', 'Angela Merkel, who was then chancellor', 'angela-merkel', ['chancellor-of-germany', 'chancellor-of-the-exchequer'], 'then'],
    ['the german chancellor olaf scholz', null, null, null, null],
    ['said German chancellor Olaf Scholz on Monday', 'German chancellor Olaf Scholz', 'olaf-scholz', ['chancellor-of-germany'], null],
    ["Chancellor Merkel's government fell.", "Chancellor Merkel's", 'angela-merkel', ['chancellor-of-germany', 'chancellor-of-the-exchequer'], null],
    ['former Dutch Prime Minister Mark Rutte', 'former Dutch Prime Minister Mark Rutte', 'mark-rutte', ['prime-minister-of-the-netherlands'], 'former'],
    ['then-Chancellor Angela Merkel', 'then-Chancellor Angela Merkel', 'angela-merkel', ['chancellor-of-germany', 'chancellor-of-the-exchequer'], 'then'],
    ['President-elect Barack Obama', 'President-elect Barack Obama', 'barack-obama', ['president-of-the-united-states', 'president-of-ukraine', 'president-of-turkey', 'president-of-brazil'], 'elect'],
    ['Turkish President Recep Tayyip Erdogan', 'Turkish President Recep Tayyip Erdogan', 'recep-tayyip-erdogan', ['president-of-turkey'], null],
    ['Ukrainian President Volodymyr Zelenskiy', 'Ukrainian President Volodymyr Zelenskiy', 'volodymyr-zelenskyy', ['president-of-ukraine'], null],
    ['Brazilian President Lula', 'Brazilian President Lula', 'luiz-inacio-lula-da-silva', ['president-of-brazil'], null],
    ['NATO Secretary General Mark Rutte', 'NATO Secretary General Mark Rutte', 'mark-rutte', ['secretary-general-of-nato'], null],
    ['President da Silva spoke.', 'President da Silva', 'luiz-inacio-lula-da-silva', ['president-of-the-united-states', 'president-of-ukraine', 'president-of-turkey', 'president-of-brazil'], null],
  ])('%s', (sentence, text, personId, officeIds, qualifier) => {
    const claims = find(sentence);
    if (text === null) {
      expect(claims).toEqual([]);
      return;
    }
    const about = claims.filter((c) => c.people.includes(personId!));
    expect(about).toHaveLength(1);
    expect(about[0]).toMatchObject({ text, qualifier });
    expect([...about[0]!.offices].sort()).toEqual([...officeIds!].sort());
  });
});

describe('traps that are not claims', () => {
  test.each([
    "Prime Minister's Questions saw Keir Starmer clash with the opposition.",
    "Presidents' Day sales began.",
    'Republican presidential candidate Donald Trump rallied.',
    'the president said nothing',
    'Lions rugby club president Olaf Scholz thanked fans.',
    'Olaf Scholz, chancellor of the University of Eastbridge, spoke.',
    'Deputy Prime Minister Keir Starmer',
    'Shadow Chancellor Rishi Sunak',
    'Belarusian President Joe Biden',
    'Bundesbank President Olaf Scholz',
    'Olaf Scholz, the German chancellor candidate, said.',
    'Merkel said the chancellor would travel.',
  ])('%s', (sentence) => {
    expect(find(sentence)).toEqual([]);
  });

  test('"Chancellor of the Exchequer" is the UK office, not Germany\'s', () => {
    const claims = find('Chancellor of the Exchequer Gordon Brown presented the budget.');
    expect(claims).toHaveLength(1);
    expect(claims[0]!.offices).toEqual(['chancellor-of-the-exchequer']);
  });

  test('invisible characters inside words do not hide a claim', () => {
    const text = 'German Chan\u200Bcellor Olaf Sch\u00ADolz spoke.';
    const claims = find(text);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.text).toBe('German Chan\u200Bcellor Olaf Sch\u00ADolz');
    expect(claims[0]!.people).toEqual(['olaf-scholz']);
  });

  test('a one-word name is a claim only next to a title', () => {
    expect(find('Scholz said the talks went well.')).toEqual([]);
    expect(find('Chancellor Scholz said the talks went well.')).toHaveLength(1);
  });
});
