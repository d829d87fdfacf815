import { describe, expect, test } from 'vitest';
import { findPageDate } from '../../../lib/page/page-date.ts';
import { readPage } from '../../../lib/page/read-page.ts';
import { page, STORY_PARAGRAPHS } from './fixtures.ts';

const PLAIN_URL = 'https://www.harbourgazette.example/politics/budget-promises-tax-relief';

function ldJson(data: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
}

function story(head: string, articleTop = '', url = PLAIN_URL) {
  const doc = page(
    `<article><h1>Budget promises tax relief</h1>${articleTop}${STORY_PARAGRAPHS}</article>
     <aside><article class="teaser"><time datetime="2001-01-01">Old teaser</time><p>Teaser text.</p></article></aside>`,
    head,
  );
  return findPageDate(doc, url);
}

describe('findPageDate: each source', () => {
  test.each([
    ['NewsArticle', ldJson({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2025-08-19T06:00:00Z' }), '2025-08-19', '2025-08-19T06:00:00Z'],
    [
      'inside @graph',
      ldJson({ '@graph': [{ '@type': 'WebSite', name: 'Gazette' }, { '@type': 'NewsArticle', datePublished: '2024-03-02' }] }),
      '2024-03-02',
      '2024-03-02',
    ],
    ['top-level array', ldJson([{ '@type': 'Organization' }, { '@type': 'Article', datePublished: '2019-12-31T23:59:00-05:00' }]), '2019-12-31', '2019-12-31T23:59:00-05:00'],
    [
      'article type beats an image published earlier',
      ldJson({ '@type': 'ImageObject', datePublished: '2010-05-05', about: { '@type': 'BlogPosting', datePublished: '2021-06-07' } }),
      '2021-06-07',
      '2021-06-07',
    ],
    ['@type given as an array', ldJson({ '@type': ['NewsArticle', 'ReportageNewsArticle'], datePublished: '2023-01-15' }), '2023-01-15', '2023-01-15'],
    ['wrapped in an HTML comment', '<script type="application/ld+json"><!-- {"@type":"NewsArticle","datePublished":"2018-04-09"} --></script>', '2018-04-09', '2018-04-09'],
  ])('JSON-LD: %s', (_name, head, date, raw) => {
    expect(story(head)).toEqual({ date, source: 'json-ld', raw });
  });

  test.each([
    ['property="article:published_time"', '<meta property="article:published_time" content="2025-08-19T01:30:00+02:00">', '2025-08-19'],
    ['itemprop="datePublished"', '<meta itemprop="datePublished" content="2022-05-18">', '2022-05-18'],
    ['name="pubdate"', '<meta name="pubdate" content="20170707">', '2017-07-07'],
    ['name="publishdate"', '<meta name="publishdate" content="2016-02-29">', '2016-02-29'],
    ['name="date"', '<meta name="date" content="2015-02-12">', '2015-02-12'],
    ['name="dc.date"', '<meta name="dc.date" content="2014-07-01">', '2014-07-01'],
    ['name="DC.date.issued"', '<meta name="DC.date.issued" content="2013-09-22">', '2013-09-22'],
    ['name="sailthru.date"', '<meta name="sailthru.date" content="2012-09-04 08:15:00">', '2012-09-04'],
    ['name="parsely-pub-date"', '<meta name="parsely-pub-date" content="2011-03-11T05:46:00Z">', '2011-03-11'],
    ['RFC 2822 value', '<meta name="date" content="Tue, 19 Aug 2025 06:00:00 GMT">', '2025-08-19'],
  ])('meta %s', (_name, head, date) => {
    expect(story(head)).toMatchObject({ date, source: 'meta' });
  });

  test('meta: article:published_time beats a generic date meta', () => {
    const head = '<meta name="date" content="2020-01-01"><meta property="article:published_time" content="2020-02-02">';
    expect(story(head)).toMatchObject({ date: '2020-02-02', source: 'meta' });
  });

  test.each([
    ['first time in the article', '<p class="meta">By A. Writer · <time datetime="2003-02-10T21:14:00+01:00">10 February 2003</time></p>', '2003-02-10'],
    [
      'the published time, not the updated one shown first',
      '<p><time class="updated" datetime="2003-02-12">Updated</time> <time datetime="2003-02-10">Published</time></p>',
      '2003-02-10',
    ],
    ['itemprop=datePublished', '<p><time datetime="2009-09-09">x</time><time itemprop="datePublished" datetime="2008-08-08">y</time></p>', '2008-08-08'],
    ['pubdate attribute', '<p><time datetime="2009-09-09">x</time><time pubdate datetime="2007-07-07">y</time></p>', '2007-07-07'],
  ])('time element: %s', (_name, top, date) => {
    expect(story('', top)).toMatchObject({ date, source: 'time-element' });
  });

  test('time element in the header just before the article body', () => {
    const doc = page(`<div class="page">
      <header class="story-header"><h1>Budget promises tax relief</h1><time datetime="2021-10-11T09:00">11 Oct</time></header>
      <div itemprop="articleBody">${STORY_PARAGRAPHS}</div></div>
      <div class="sidebar"><time datetime="1999-09-09">old</time></div>`);
    expect(findPageDate(doc, PLAIN_URL)).toEqual({ date: '2021-10-11', source: 'time-element', raw: '2021-10-11T09:00' });
  });

  test('times in rails and related boxes are not the page date', () => {
    const doc = page(`<article><h1>Budget</h1>${STORY_PARAGRAPHS}
      <div class="related"><time datetime="2001-01-01">Related story date</time></div></article>`);
    expect(findPageDate(doc, PLAIN_URL)).toBeNull();
  });

  test.each([
    ['/YYYY/MM/DD/', 'https://news.example/world/2025/08/19/some-slug', '2025-08-19', '/2025/08/19/'],
    ['/YYYY/M/D/', 'https://news.example/2019/3/7/slug.html', '2019-03-07', '/2019/3/7/'],
    ['/YYYY-MM-DD/', 'https://news.example/world/2025-08-19/some-slug', '2025-08-19', '2025-08-19'],
    ['YYYY-MM-DD at the start of a slug', 'https://news.example/blog/2016-11-09-results-night', '2016-11-09', '2016-11-09-results-night'],
    ['/YYYYMMDD/', 'https://news.example/story/20170707/summit', '2017-07-07', '20170707'],
    ['/YYYY/MM/ month only', 'https://news.example/archive/2012/09/convention-speech', '2012-09', '/2012/09/'],
    ['day form later in the path beats a month form', 'https://news.example/2012/09/story-2012-09-04', '2012-09-04', 'story-2012-09-04'],
    ['relative URL', '/news/2004/05/06/item', '2004-05-06', '/2004/05/06/'],
  ])('URL %s', (_name, url, date, raw) => {
    expect(story('', '', url)).toEqual({ date, source: 'url', raw });
  });

  test.each([
    ['an article id of 8 digits that is not a date', 'https://news.example/story/12345678'],
    ['a year-only path', 'https://news.example/2019/best-of-the-year'],
    ['month 13', 'https://news.example/2025/13/01/slug'],
    ['digits glued to letters', 'https://news.example/item20250819x'],
    ['a date only in the query string', 'https://news.example/story?date=2025-08-19'],
    ['not a URL at all', 'not a url'],
  ])('URL without a date: %s', (_name, url) => {
    expect(story('', '', url)).toBeNull();
  });

  test.each([
    ['Published Month D, YYYY', '<p>Published March 3, 2021</p>', '2021-03-03'],
    ['Updated HH:MM GMT, D Month YYYY', '<p>Updated 14:02 GMT, 3 March 2019</p>', '2019-03-03'],
    ['AP abbreviation', '<p>By Jo Tan, Associated Writer<br>Aug. 19, 2025</p>', '2025-08-19'],
    ['Sept. abbreviation', '<p>Sept. 4, 2012</p>', '2012-09-04'],
    ['D Month YYYY alone', '<p>19 August 2025</p>', '2025-08-19'],
    ['ordinal day', '<p>Posted on the 1st of May 2020</p>', '2020-05-01'],
    ['published wins over updated', '<p>Updated June 2, 2022 · Published June 1, 2022</p>', '2022-06-01'],
    ['dotted day-first date', '<p>Staff reporter | 19.08.2025 - Update : 20.08.2025</p>', '2025-08-19'],
  ])('byline line among the first blocks: %s', (_name, top, date) => {
    expect(story('', top)).toMatchObject({ date, source: 'byline' });
  });

  test.each([
    ['class="byline"', '<div class="byline"><span>Kim Ode</span> <span>5 January 2024</span></div>'],
    ['class="article-date"', '<span class="article-date">Jan. 5, 2024</span>'],
    ['itemprop="datePublished" without datetime', '<span itemprop="datePublished">January 5, 2024</span>'],
  ])('byline element: %s', (_name, top) => {
    expect(story('', top)).toMatchObject({ date: '2024-01-05', source: 'byline' });
  });

  test('byline raw is the whole byline line', () => {
    expect(story('', '<p>By Kim Ode. Published March 3, 2021, 10:15 EST</p>')).toEqual({
      date: '2021-03-03',
      source: 'byline',
      raw: 'By Kim Ode. Published March 3, 2021, 10:15 EST',
    });
  });

  test('a date in a story sentence is not a byline', () => {
    const top = '<p>The treaty, signed on March 3, 2021 in Geneva after two years of talks, has since been ratified by every member state.</p>';
    expect(story('', top)).toBeNull();
  });
});

describe('findPageDate: precedence and validity', () => {
  const sources = {
    jsonLd: ldJson({ '@type': 'NewsArticle', datePublished: '2025-01-01' }),
    meta: '<meta property="article:published_time" content="2025-02-02">',
    time: '<p><time datetime="2025-03-03">March 3</time></p>',
    url: 'https://news.example/2025/04/04/slug',
    byline: '<p>Published May 5, 2025</p>',
  };

  test.each([
    ['JSON-LD over everything', ['jsonLd', 'meta', 'time', 'url', 'byline'], '2025-01-01', 'json-ld'],
    ['meta over time, URL and byline', ['meta', 'time', 'url', 'byline'], '2025-02-02', 'meta'],
    ['time over URL and byline', ['time', 'url', 'byline'], '2025-03-03', 'time-element'],
    ['URL over byline', ['url', 'byline'], '2025-04-04', 'url'],
    ['byline last', ['byline'], '2025-05-05', 'byline'],
  ] as const)('%s', (_name, present, date, source) => {
    const has = (k: keyof typeof sources) => (present as readonly string[]).includes(k);
    const head = (has('jsonLd') ? sources.jsonLd : '') + (has('meta') ? sources.meta : '');
    const top = (has('byline') ? sources.byline : '') + (has('time') ? sources.time : '');
    expect(story(head, top, has('url') ? sources.url : PLAIN_URL)).toMatchObject({ date, source });
  });

  test.each([
    ['Feb 30', '2025-02-30'],
    ['Feb 29 in a common year', '2023-02-29'],
    ['month 13', '2025-13-01'],
    ['day 0', '2025-08-00'],
    ['year before 1900', '1850-06-01'],
    ['year after 2100', '2150-06-01'],
    ['not a date', 'yesterday'],
    ['empty', ''],
  ])('an invalid JSON-LD date (%s) falls through to the next source', (_name, bad) => {
    const head = ldJson({ '@type': 'NewsArticle', datePublished: bad }) + '<meta property="article:published_time" content="2024-02-29T10:00:00Z">';
    expect(story(head)).toEqual({ date: '2024-02-29', source: 'meta', raw: '2024-02-29T10:00:00Z' });
  });

  test.each([
    ['east of UTC after midnight', '2025-08-19T01:30:00+02:00', '2025-08-19'],
    ['west of UTC late evening', '2025-08-18T23:30:00-05:00', '2025-08-18'],
    ['UTC', '2025-08-18T23:30:00Z', '2025-08-18'],
  ])('the calendar date is taken as written (%s)', (_name, value, date) => {
    expect(story(`<meta property="article:published_time" content="${value}">`)).toMatchObject({ date, raw: value });
  });

  test('no date anywhere gives null', () => {
    expect(story('')).toBeNull();
  });

  test('an empty document gives null', () => {
    expect(findPageDate(page(''), 'about:blank')).toBeNull();
  });
});

describe('readPage', () => {
  test('reads segments and the date with one search for the story', () => {
    const doc = page(
      `<article><h1>Budget promises tax relief</h1><p class="byline">By Kim Ode · Published June 1, 2022</p>${STORY_PARAGRAPHS}</article>`,
    );
    const { segments, pageDate } = readPage(doc, PLAIN_URL);
    expect(segments.map((s) => s.kind)).toEqual(['headline', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(pageDate).toEqual(findPageDate(doc, PLAIN_URL));
    expect(pageDate).toMatchObject({ date: '2022-06-01', source: 'byline' });
  });

  test('an empty document reads as nothing, with the URL date', () => {
    expect(readPage(page(''), 'https://news.example/2020/01/02/x')).toEqual({
      segments: [],
      pageDate: { date: '2020-01-02', source: 'url', raw: '/2020/01/02/' },
    });
  });
});
