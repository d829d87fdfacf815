import { describe, expect, test } from 'vitest';
import { findEntryDates } from '../../../lib/page/live-entries.ts';
import { readArticle } from '../../../lib/page/read-article.ts';
import { page } from './fixtures.ts';

const entry = (tag: string, cls: string, datetime: string, text: string) =>
  `<${tag} class="${cls}"><header><time datetime="${datetime}">${datetime.slice(11, 16)}</time></header><p>${text}</p></${tag}>`;

function liveBlog(entries: string, wrapper = 'div') {
  return page(`<main>
    <h1>Summit day two: live updates</h1>
    <p>Leaders meet for a second day of talks; follow the latest below.</p>
    <${wrapper} class="feed">${entries}</${wrapper}>
  </main>`);
}

describe('live-blog entries', () => {
  test.each([
    ['article entries', 'article', 'entry'],
    ['div.update entries', 'div', 'live-update'],
    ['div.post entries', 'div', 'blog-post'],
    ['section.entry entries', 'section', 'liveEntry'],
    ['li entries', 'li', 'item'],
  ])('%s carry their own dates', (_name, tag, cls) => {
    const doc = liveBlog(
      entry(tag, cls, '2024-07-10T22:05:00+02:00', 'President Lena Holm arrived late in the evening.') +
        entry(tag, cls, '2024-07-09T23:50:00+02:00', 'Prime Minister Oskar Vale left the dinner early.'),
      tag === 'li' ? 'ul' : 'div',
    );
    const segs = readArticle(doc);
    const holm = segs.find((s) => s.text.includes('Lena Holm'));
    const vale = segs.find((s) => s.text.includes('Oskar Vale'));
    expect(holm?.date).toEqual({ date: '2024-07-10', source: 'live-entry', raw: '2024-07-10T22:05:00+02:00' });
    expect(vale?.date).toMatchObject({ date: '2024-07-09', source: 'live-entry' });
    // The intro and headline belong to the page, not to an entry.
    expect(segs.find((s) => s.text.startsWith('Leaders meet'))?.date).toBeUndefined();
    expect(segs[0]).toMatchObject({ kind: 'headline' });
    expect(segs[0]?.date).toBeUndefined();
  });

  test('the time segment inside an entry is dated too', () => {
    const doc = liveBlog(entry('article', 'entry', '2024-07-10T22:05', 'A.') + entry('article', 'entry', '2024-07-10T21:00', 'B.'));
    expect(readArticle(doc).find((s) => s.text === '22:05')?.date?.date).toBe('2024-07-10');
  });

  test('a single timestamped block is an article header, not an entry', () => {
    const doc = page(`<main><article class="post"><header><time datetime="2024-07-10">10 July</time></header>
      <p>Only one story here.</p></article></main>`);
    expect(findEntryDates(doc.querySelector('main') as Element).size).toBe(0);
    expect(readArticle(doc).every((s) => s.date === undefined)).toBe(true);
  });

  test('a div without an entry-like class is not an entry', () => {
    const doc = liveBlog(entry('div', 'box', '2024-07-10T22:05', 'A.') + entry('div', 'box', '2024-07-10T21:00', 'B.'));
    expect(readArticle(doc).every((s) => s.date === undefined)).toBe(true);
  });

  test('an entry uses its own first time, not a time quoted later in it', () => {
    const doc = liveBlog(
      `<article class="entry"><time datetime="2024-07-10T08:00">08:00</time><p>Recalling the <time datetime="2019-05-01">2019</time> summit.</p></article>` +
        entry('article', 'entry', '2024-07-10T07:00', 'Earlier.'),
    );
    const map = findEntryDates(doc.querySelector('main') as Element);
    expect([...map.values()].map((d) => d.date)).toEqual(['2024-07-10', '2024-07-10']);
  });

  test('an entry whose time cannot be read gets no date', () => {
    const doc = liveBlog(entry('article', 'entry', 'soon', 'A.') + entry('article', 'entry', '2024-07-10T07:00', 'B.'));
    const segs = readArticle(doc);
    expect(segs.find((s) => s.text === 'A.')?.date).toBeUndefined();
    expect(segs.find((s) => s.text === 'B.')?.date?.date).toBe('2024-07-10');
  });
});
