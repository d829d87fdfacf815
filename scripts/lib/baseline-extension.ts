/**
 * Builds the benchmark's baseline extension (scripts/lib/baseline/) into a temporary
 * directory: a content script doing the least any design must to draw the article's
 * badges, measured in the same run as ours so that a busy machine slows both alike.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export async function buildBaselineExtension(options: { badgeCss: string; claimTexts: string[] }): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'factcheck-bench-baseline-'));
  const define = { BADGE_CSS: JSON.stringify(options.badgeCss), CLAIM_TEXTS: JSON.stringify(options.claimTexts) };
  for (const name of ['content', 'background']) {
    await build({
      entryPoints: [join(import.meta.dirname, `baseline/${name}.ts`)],
      outfile: join(dir, `${name}.js`),
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'chrome120',
      define,
      logLevel: 'error',
    });
  }
  const manifest = {
    manifest_version: 3,
    name: 'Fact-check bench baseline',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['http://*/*'], js: ['content.js'], run_at: 'document_start' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
