import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { datasetFromSources } from '../../lib/reference/source';
import type { ReferenceDataset } from '../../lib/reference/types';

export const DATA_DIR = join(import.meta.dirname, '../../data');

/** Reads data/ into one data set; `problems` lists shape errors with file names. */
export function loadSources(dataDir = DATA_DIR): { dataset: ReferenceDataset; problems: string[] } {
  const hash = createHash('sha256');
  const read = (path: string): unknown => {
    const text = readFileSync(path, 'utf8');
    hash.update(path).update(text);
    return parse(text);
  };
  const jurisdictions = read(join(dataDir, 'jurisdictions.yaml'));
  const officeDir = join(dataDir, 'offices');
  const sources = readdirSync(officeDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: `offices/${f}`, content: read(join(officeDir, f)) }));
  const version = hash.digest('hex').slice(0, 12);
  return datasetFromSources(jurisdictions, sources, version);
}

/** The canonical office labels the data must cover (the product's scope). */
export function officesInScope(dataDir = DATA_DIR): string[] {
  return readFileSync(join(dataDir, 'offices-in-scope.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
