import { describe, expect, test } from 'vitest';
import { findStatedDate } from '../../../lib/dates/claim-date';

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
