import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Officeholder Fact-Check',
    description:
      'Marks claims about who holds which office on news pages, checked against a local reference of officeholders. Nothing you read leaves your browser.',
    // IndexedDB needs no permission; the Wikidata refresh asks for its host at the moment the reader starts it.
    permissions: [],
    optional_host_permissions: browser === 'firefox' ? undefined : ['https://query.wikidata.org/*'],
    optional_permissions: browser === 'firefox' ? ['https://query.wikidata.org/*'] : undefined,
    action: { default_title: 'Officeholder Fact-Check' },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'officeholder-factcheck@example.org',
              strict_min_version: '142.0',
              // Nothing the reader reads or flags leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
});
