import { describe, expect, test } from 'vitest';
import { findDateInText, formatDate, parseDateValue } from '../../../lib/page/date-text.ts';

describe('parseDateValue (machine-written values)', () => {
  test.each([
    ['2025-08-19', '2025-08-19'],
    ['2025-08-19T06:42:00+03:00', '2025-08-19'],
    ['2025-08-19T01:30:00+02:00', '2025-08-19'],
    ['2025-08-19 06:42', '2025-08-19'],
    ['2025/08/19', '2025-08-19'],
    ['20250819', '2025-08-19'],
    ['20250819T064200Z', '2025-08-19'],
    ['2025-08', '2025-08'],
    ['Tue, 19 Aug 2025 06:42:00 +0300', '2025-08-19'],
    ['August 19, 2025 6:42 AM', '2025-08-19'],
    ['  2000-02-29  ', '2000-02-29'],
  ])('%s → %s', (value, date) => {
    expect(parseDateValue(value)).toBe(date);
  });

  test.each(['2025-02-30', '2100-02-29', '1899-12-31', '2101-01-01', '2025-00-10', '2025-13', '12:30', 'today', ''])(
    '%s is rejected',
    (value) => {
      expect(parseDateValue(value)).toBeNull();
    },
  );
});

describe('findDateInText (prose)', () => {
  test.each([
    ['Published March 3, 2021', '2021-03-03', 'March 3, 2021'],
    ['Updated 14:02 GMT, 3 March 2019', '2019-03-03', '3 March 2019'],
    ['Aug. 19, 2025', '2025-08-19', 'Aug. 19, 2025'],
    ['Sept. 4, 2012 at 9:00 p.m.', '2012-09-04', 'Sept. 4, 2012'],
    ['Sep 4 2012', '2012-09-04', 'Sep 4 2012'],
    ['19 August 2025', '2025-08-19', '19 August 2025'],
    ['Monday 2nd June, 2014', '2014-06-02', '2nd June, 2014'],
    ['the 1st of May 2020', '2020-05-01', '1st of May 2020'],
    ['DEC 24, 1999', '1999-12-24', 'DEC 24, 1999'],
    ['posted 2023-01-15 by staff', '2023-01-15', '2023-01-15'],
    ['19.08.2025 - 10:00', '2025-08-19', '19.08.2025'],
    ['08/19/2025', '2025-08-19', '08/19/2025'],
    ['19/08/2025', '2025-08-19', '19/08/2025'],
    ['Updated May 2, 2021; first seen 1 May 2021', '2021-05-02', 'May 2, 2021'],
  ])('%s', (text, date, match) => {
    expect(findDateInText(text)).toMatchObject({ date, text: match });
  });

  test.each([
    ['ambiguous slashed date', '04/05/2020'],
    ['month and year only', 'August 2025'],
    ['"Mayor" is not May', 'Mayor 3, 2021'],
    ['impossible day', 'February 30, 2024'],
    ['year out of range', 'March 3, 1850'],
    ['no date', 'By Kim Ode, political editor'],
  ])('no date: %s', (_name, text) => {
    expect(findDateInText(text)).toBeNull();
  });
});

describe('formatDate', () => {
  test.each([
    [2024, 2, 29, '2024-02-29'],
    [2000, 2, 29, '2000-02-29'],
    [1900, 2, 29, null],
    [2023, 4, 31, null],
    [2023, 4, undefined, '2023-04'],
    [2023, 4.5, 1, null],
  ] as const)('%s-%s-%s → %s', (y, m, d, out) => {
    expect(formatDate(y, m, d)).toBe(out);
  });
});
