import { expect, test } from 'vitest';
import { foldText, foldToken } from '../../../lib/text/normalize';

test.each([
  ['Erdoğan', 'erdogan'],
  ['ERDOGAN', 'erdogan'],
  ['Straße', 'strasse'],
  ['Łukasz Kraśko', 'lukasz krasko'],
  ['O’Neill', "o'neill"],
  ['O`Neill', "o'neill"],
  ['Jean‐Yves', 'jean-yves'],
  ['Mer\u00ADkel', 'merkel'],
  ['Prime Minister', 'prime minister'],
  ["O'Neill-Smith", "o'neill-smith"],
])('foldText(%j) is %j, with or without characters beyond plain ASCII', (text, folded) => {
  expect(foldText(text)).toBe(folded);
});

test('foldToken drops dots, so "U.S." and "US" compare equal', () => {
  expect(foldToken('U.S.')).toBe('us');
  expect(foldToken('US')).toBe('us');
});
