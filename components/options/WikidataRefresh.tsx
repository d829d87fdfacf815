import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Person } from '../../lib/reference/types';
import type { TermChange } from '../../lib/reference/wikidata/diff';
import { planRefresh, todayUtc, type OfficeStatus, type RefreshPlan, type RefreshProgress } from '../../lib/reference/wikidata/refresh';
import { WIKIDATA_ORIGIN } from '../../lib/reference/wikidata/sparql';
import type { FactCheckDB } from '../../lib/store/db';
import { storeErrorMessage } from '../../lib/store/reference-io';

type State =
  | { kind: 'idle'; message?: string }
  | { kind: 'running'; progress: Map<string, RefreshProgress> }
  | { kind: 'planned'; plan: RefreshPlan }
  | { kind: 'applying'; plan: RefreshPlan };

const STATE_TEXT: Record<RefreshProgress['state'], string> = {
  querying: 'asking Wikidata…',
  refreshed: 'done',
  'no-qid': 'skipped (no Wikidata id in our data)',
  failed: 'failed; kept as it was',
  rejected: 'answer failed the checks; kept as it was',
};

const STATUS_TEXT: Record<OfficeStatus, string> = {
  refreshed: 'refreshed',
  'no-qid': 'not queried (no Wikidata id)',
  failed: 'query failed, kept as it was',
  rejected: 'kept as it was: the answer failed the checks',
};

function describeChange(change: TermChange, people: Map<string, Person>): string {
  const name = people.get(change.person)?.name ?? change.person;
  const span = (t: TermChange['before']) => (t ? `${t.start} – ${t.end ?? 'in office'}${t.acting ? ' (acting)' : ''}` : '');
  if (change.kind === 'added') return `added: ${name}, ${span(change.after)}`;
  if (change.kind === 'removed') return `removed: ${name}, ${span(change.before)}`;
  return `changed: ${name}, ${span(change.before)} → ${span(change.after)}`;
}

/**
 * Options: "Refresh from Wikidata". Asks for the Wikidata host permission when the
 * reader starts (the extension's only network access), queries office by office with
 * progress and a Cancel button, shows what would change, and writes only on "Apply".
 */
export function WikidataRefresh({ db, onChanged }: { db: FactCheckDB; onChanged: () => Promise<void> }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  async function start() {
    // Asked first, while the click still counts as the reader's gesture.
    let granted = false;
    try {
      granted = await browser.permissions.request({ origins: [WIKIDATA_ORIGIN] });
    } catch (error) {
      setState({ kind: 'idle', message: `The browser did not ask for the permission: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (!granted) {
      setState({ kind: 'idle', message: 'Without access to query.wikidata.org nothing can be fetched. Nothing was changed.' });
      return;
    }
    const current = await db.readDataset().catch((error: unknown) => {
      setState({ kind: 'idle', message: storeErrorMessage(error) });
      return null;
    });
    if (!current) return;
    const abort = new AbortController();
    controller.current = abort;
    const progress = new Map<string, RefreshProgress>();
    setState({ kind: 'running', progress });
    try {
      const plan = await planRefresh(current, {
        fetch: (url, init) => fetch(url, init),
        signal: abort.signal,
        today: todayUtc(),
        onProgress: (p) => {
          progress.set(p.office.id, p);
          setState({ kind: 'running', progress: new Map(progress) });
        },
      });
      setState({ kind: 'planned', plan });
    } catch (error) {
      const cancelled = abort.signal.aborted;
      setState({ kind: 'idle', message: cancelled ? 'Cancelled. Nothing was changed.' : `The refresh stopped: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.` });
    } finally {
      controller.current = null;
    }
  }

  async function apply(plan: RefreshPlan) {
    setState({ kind: 'applying', plan });
    try {
      await db.replaceReference(plan.dataset, 'wikidata', { expectVersion: plan.baseVersion });
    } catch (error) {
      setState({ kind: 'idle', message: storeErrorMessage(error) });
      return;
    }
    await onChanged();
    setState({ kind: 'idle', message: `Applied: ${plan.diff.added} terms added, ${plan.diff.changed} changed, ${plan.diff.removed} removed.` });
  }

  return (
    <div data-testid="wikidata-refresh">
      <h3>Refresh from Wikidata</h3>
      <p>
        Asks the Wikidata Query Service who held each office. This is the only time the extension goes online, and only query.wikidata.org is
        contacted; you see every change before it is applied.
      </p>
      {state.kind === 'idle' && (
        <>
          <button type="button" onClick={start}>
            Refresh from Wikidata
          </button>
          {state.message && <p aria-live="polite">{state.message}</p>}
        </>
      )}
      {state.kind === 'running' && <Progress progress={state.progress} onCancel={() => controller.current?.abort()} />}
      {(state.kind === 'planned' || state.kind === 'applying') && (
        <PlanSummary plan={state.plan} busy={state.kind === 'applying'} onApply={() => apply(state.plan)} onDiscard={() => setState({ kind: 'idle', message: 'Discarded. Nothing was changed.' })} />
      )}
    </div>
  );
}

function Progress({ progress, onCancel }: { progress: Map<string, RefreshProgress>; onCancel: () => void }) {
  const rows = [...progress.values()];
  const total = rows[0]?.total ?? 0;
  const done = rows.filter((r) => r.state !== 'querying').length;
  return (
    <div data-testid="refresh-progress">
      <p aria-live="polite">
        <progress value={done} max={total || 1} /> {done} of {total || '…'} offices{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
      <ul>
        {rows.map((r) => (
          <li key={r.office.id}>
            {r.office.label}: {STATE_TEXT[r.state]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PlanSummary({ plan, busy, onApply, onDiscard }: { plan: RefreshPlan; busy: boolean; onApply: () => void; onDiscard: () => void }) {
  const people = new Map(plan.dataset.people.map((p) => [p.id, p]));
  const refreshed = plan.offices.filter((o) => o.status === 'refreshed').length;
  const withNews = plan.offices.filter((o) => o.diff.changes.length > 0 || o.status !== 'refreshed');
  return (
    <div data-testid="refresh-summary">
      <p>
        <strong>
          Wikidata would add {plan.diff.added}, change {plan.diff.changed} and remove {plan.diff.removed} terms
        </strong>{' '}
        ({refreshed} of {plan.offices.length} offices refreshed; {plan.newPeople.length} new people). Refreshed offices get today’s as-of date. Your flags
        are not affected.
      </p>
      <button type="button" onClick={onApply} disabled={busy}>
        {busy ? 'Applying…' : 'Apply these changes'}
      </button>{' '}
      <button type="button" onClick={onDiscard} disabled={busy}>
        Discard
      </button>
      {withNews.length > 0 && (
        <details>
          <summary>Details by office</summary>
          <ul>
            {withNews.map((o) => (
              <li key={o.office}>
                {o.label}: {STATUS_TEXT[o.status]}
                <ul>
                  {o.diff.changes.map((c, i) => (
                    <li key={i}>{describeChange(c, people)}</li>
                  ))}
                  {o.notes.map((n, i) => (
                    <li key={`note-${i}`}>{n}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
