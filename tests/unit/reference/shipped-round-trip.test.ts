import { describe, expect, test } from 'vitest';
import { parseExport, toExport } from '../../../lib/reference/exchange';
import { loadSources } from '../../../scripts/lib/load-sources';

describe('the shipped data in the exchange format', () => {
  test('exports and imports back with the same offices, people and terms', () => {
    const { dataset } = loadSources();
    const text = JSON.stringify(toExport(dataset));
    const result = parseExport(text, dataset.jurisdictions, 'round-trip', dataset.offices);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(toExport(result.dataset)).toEqual(toExport(dataset));
  });

  test('a malformed QID is still refused on import', () => {
    const { dataset } = loadSources();
    const exported = toExport(dataset);
    exported.people[0]!.qid = 'Q-12';
    const result = parseExport(JSON.stringify(exported), dataset.jurisdictions, 'bad', dataset.offices);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/malformed Wikidata QID "Q-12"/);
  });
});
