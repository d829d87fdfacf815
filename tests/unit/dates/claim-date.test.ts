import * as chrono from 'chrono-node';
import { describe, expect, test } from 'vitest';
import { findStatedDate, mayStateDate } from '../../../lib/dates/claim-date';

function stated(sentence: string, claim: string, pageDate = '2025-08-19') {
  const at = sentence.indexOf(claim);
  return findStatedDate(sentence, at, at + claim.length, pageDate)?.date ?? null;
}

describe('the date a sentence states', () => {
  test.each([
    ['In 2015, then-Chancellor Angela Merkel met him.', 'Angela Merkel', '2015'],
    ['when Tony Blair was prime minister in 2003', 'Tony Blair', '2003'],
    ['On Nov. 15, 2008, Russian President Vladimir Putin arrived.', 'Vladimir Putin', '2008-11-15'],
    ['In March 2003 President George W. Bush spoke.', 'George W. Bush', '2003-03'],
    ['Chancellor Olaf Scholz spoke on Monday.', 'Olaf Scholz', '2025-08-18'],
    ['Last year, Chancellor Olaf Scholz spoke.', 'Olaf Scholz', '2024'],
    ['Chancellor Olaf Scholz recalled the 2015 refugee crisis.', 'Olaf Scholz', null],
    ['Chancellor Olaf Scholz spoke at 10 a.m.', 'Olaf Scholz', null],
    ['In 2015 the euro fell. Chancellor Olaf Scholz spoke.', 'Olaf Scholz', null],
    ['Under George W. Bush in 2003, the U.S. invaded.', 'George W. Bush', '2003'],
  ])('%s', (sentence, claim, expected) => {
    expect(stated(sentence, claim)).toBe(expected);
  });
});

describe('the quick test that spares chrono-node sentences without a date', () => {
  // Every form below is one chrono-node reads; the quick test must let each through.
  const DATED = [
    'five days ago', 'in two weeks', '2 hrs ago', 'last night', 'this morning', 'at noon',
    'at midnight', 'this afternoon', 'on the weekend', 'tonight', 'tomorrow', 'tmrw', 'yesterday', 'now', 'today',
    'Nov. 15, 2008', 'the 3rd of March', 'March 3', 'mid-March', 'in Sept', 'on Tuesday', 'last Thursday', 'next Fri',
    'on 15/11/2008', '2008-11-15', 'at 10:30', 'three months later', 'next year', 'last quarter', 'within 3 days',
    'Saturday evening', 'on Sunday', 'WEDNESDAY', 'in May', 'last month', 'a year ago',
  ];
  test.each(DATED)('lets "%s" through', (phrase) => {
    const sentence = `The minister spoke ${phrase} about the plan.`;
    expect(chrono.parse(sentence, new Date(Date.UTC(2025, 7, 19, 12)), { forwardDate: false }).length).toBeGreaterThan(0);
    expect(mayStateDate(sentence)).toBe(true);
  });

  test.each([
    'In a short address, the leader thanked the volunteers.',
    'Later, the leader visited the flooded districts.',
    'The talks were described as constructive by officials close to the leader.',
  ])('spares "%s", in which chrono-node finds nothing either', (sentence) => {
    expect(chrono.parse(sentence, new Date(Date.UTC(2025, 7, 19, 12)), { forwardDate: false })).toEqual([]);
    expect(mayStateDate(sentence)).toBe(false);
  });

  test('reads the date next to a claim whose own words look like dates ("Secretary", "Minister")', () => {
    const sentence = 'Defence Secretary Ben Wallace spoke on Monday.';
    const at = sentence.indexOf('Ben Wallace');
    expect(findStatedDate(sentence, at, at + 'Ben Wallace'.length, '2025-08-19')?.date).toBe('2025-08-18');
  });
});
