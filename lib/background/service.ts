import { analyzePage } from '../analysis/analyze-page';
import type { Flag, ReferenceInfo } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
import { pageKey } from '../page/page-key';
import { ReferenceIndex } from '../reference/reference-index';
import type { ReferenceDataset } from '../reference/types';
import type { FactCheckDB } from '../store/db';

/** How many pages' seen names the background keeps. */
const RECENT_PAGES = 32;

/**
 * Everything the background does, without the `browser` global: keeps the reference
 * data loaded (the shipped set on first run and after an upgrade, unless the reader
 * replaced it), answers page checks from an in-memory index, and keeps flags.
 */
export class FactCheckService {
  private index: Promise<ReferenceIndex> | null = null;

  constructor(
    private readonly db: FactCheckDB,
    private readonly shipped: ReferenceDataset,
  ) {}

  /** Loads the shipped data when the store has none or an older shipped version. Never touches flags. */
  async ensureReference(): Promise<void> {
    if ((await this.syncShipped()).replaced) this.index = null;
  }

  /**
   * Loads the shipped data when the store has none or an older shipped version, and says
   * whether it replaced the reference rows and whether the store now holds the shipped set.
   */
  private async syncShipped(): Promise<{ replaced: boolean; holdsShipped: boolean }> {
    const meta = await this.db.meta.get('reference');
    if (meta && !(meta.source === 'shipped' && meta.version !== this.shipped.version)) {
      return { replaced: false, holdsShipped: meta.source === 'shipped' };
    }
    await this.db.replaceReference(this.shipped, 'shipped');
    return { replaced: true, holdsShipped: true };
  }

  /** The verifier's index over what is in the store, built once per data version. */
  async referenceIndex(): Promise<ReferenceIndex> {
    this.index ??= (async () => {
      // Not ensureReference(): it would drop the very index being built here, so nothing would stay cached.
      const { holdsShipped } = await this.syncShipped();
      // The shipped set is in memory already (it is part of the worker's code): reading the same rows back
      // from IndexedDB would only slow the first check after the worker wakes.
      const data = holdsShipped ? this.shipped : await this.db.readDataset();
      if (!data) throw new Error('The reference data could not be loaded.');
      return new ReferenceIndex(data);
    })();
    try {
      return await this.index;
    } catch (error) {
      this.index = null;
      throw error;
    }
  }

  /**
   * Full names already seen on a page, so that a later batch of a long page still knows which
   * "Bush" it means. A few recent pages only; lost when the worker sleeps (then a batch stands alone).
   */
  private readonly seenNames = new Map<string, Set<string>>();

  private namesSeenOn(url: string): Set<string> {
    const key = pageKey(url);
    let seen = this.seenNames.get(key);
    if (seen) this.seenNames.delete(key);
    else seen = new Set();
    this.seenNames.set(key, seen);
    while (this.seenNames.size > RECENT_PAGES) this.seenNames.delete(this.seenNames.keys().next().value!);
    return seen;
  }

  /** Call after the reference rows changed (import, refresh). */
  referenceChanged(): void {
    this.index = null;
    this.seenNames.clear();
  }

  async referenceInfo(): Promise<ReferenceInfo> {
    return infoOf(await this.referenceIndex());
  }

  async siteEnabled(url: string): Promise<boolean> {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return true;
    }
    return (await this.db.sites.get(host))?.enabled ?? true;
  }

  handlers(): Handlers {
    return {
      checkPage: async ({ url, segments, pageDate }) => {
        // Side by side: after the worker has slept, each of these waits on the database.
        const [enabled, index, flags] = await Promise.all([
          this.siteEnabled(url),
          this.referenceIndex(),
          this.db.flags.where('url').equals(pageKey(url)).toArray(),
        ]);
        const reference = infoOf(index);
        if (!enabled) return { claims: [], flags: [], reference, enabled };
        const claims = analyzePage(index, { segments, pageDate }, this.namesSeenOn(url));
        return { claims, flags, reference, enabled };
      },
      flagClaim: async (request) => {
        const url = pageKey(request.url);
        const flag: Flag = { ...request, url, id: `${url}#${request.claimId}`, createdAt: new Date().toISOString() };
        await this.db.flags.put(flag);
        return flag;
      },
      unflagClaim: async ({ url, claimId }) => {
        const removed = await this.db.flags.where('[url+claimId]').equals([pageKey(url), claimId]).delete();
        return { removed: removed > 0 };
      },
      referenceInfo: async () => this.referenceInfo(),
      referenceChanged: async () => {
        this.referenceChanged();
        return this.referenceInfo();
      },
      setSiteEnabled: async ({ host, enabled }) => {
        await this.db.sites.put({ host, enabled });
        return { host, enabled };
      },
    };
  }
}

function infoOf(index: ReferenceIndex): ReferenceInfo {
  const { data } = index;
  return { version: data.version, asOf: data.asOf, offices: data.offices.length, people: data.people.length, terms: data.terms.length };
}
