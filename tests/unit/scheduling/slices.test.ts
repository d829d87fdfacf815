import { describe, expect, test } from 'vitest';
import { finish, runInSlices, runStepsInSlices, WorkMeter, type Steps } from '../../../lib/scheduling/slices';

/** A clock that only moves when the work says so. */
function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('runInSlices', () => {
  test.each([
    // item cost, items, budget → slices (yields = slices - 1 when the last slice is not full)
    [1, 10, 4, 3],
    [5, 3, 4, 3],
    [0.5, 8, 4, 1],
    [2, 0, 4, 0],
  ])('items costing %d ms ×%d with a %d ms budget run in %d slices', async (cost, count, budget, slices) => {
    const clock = fakeClock();
    let yields = 0;
    const report = await runInSlices(
      Array.from({ length: count }, (_, i) => i),
      () => clock.advance(cost),
      { now: clock.now, budgetMs: budget, yieldToHost: async () => void yields++ },
    );
    expect(report.done).toBe(count);
    expect(report.slices).toBe(slices);
    expect(report.workMs).toBeCloseTo(cost * count);
    expect(report.longestSliceMs).toBeLessThanOrEqual(Math.max(budget + cost, cost));
    expect(yields).toBeLessThanOrEqual(slices);
  });

  test('never does work while yielded, and stops between items when aborted', async () => {
    const clock = fakeClock();
    const abort = new AbortController();
    const seen: number[] = [];
    const report = await runInSlices([1, 2, 3, 4, 5, 6], (n) => {
      seen.push(n);
      clock.advance(3);
    }, {
      now: clock.now,
      budgetMs: 5,
      yieldToHost: async () => {
        if (seen.length >= 4) abort.abort();
      },
      signal: abort.signal,
    });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(report.aborted).toBe(true);
  });
});

test('WorkMeter adds up steps by phase and keeps the longest', () => {
  const clock = fakeClock();
  const meter = new WorkMeter(clock.now);
  expect(meter.time('read', () => (clock.advance(3), 'read'))).toBe('read');
  meter.add('draw', 7);
  expect(() => meter.time('read', () => (clock.advance(2), JSON.parse('{')))).toThrow();
  expect(meter).toMatchObject({ workMs: 12, slices: 3, longestSliceMs: 7, phaseMs: { read: 5, draw: 7 } });
});

describe('stepwise work', () => {
  /** Ten steps of 1 ms each, then the answer. */
  function* tenSteps(clock: ReturnType<typeof fakeClock>, log: string[]): Steps<string> {
    for (let i = 0; i < 10; i++) {
      clock.advance(1);
      log.push(`step ${i}`);
      yield;
    }
    return 'done';
  }

  test('finish runs it to the end at once', () => {
    const log: string[] = [];
    expect(finish(tenSteps(fakeClock(), log))).toBe('done');
    expect(log).toHaveLength(10);
  });

  test('runStepsInSlices gives the thread back between slices of about the budget, and returns the answer', async () => {
    const clock = fakeClock();
    const log: string[] = [];
    const slices: number[] = [];
    const answer = await runStepsInSlices(tenSteps(clock, log), {
      now: clock.now,
      budgetMs: 4,
      yieldToHost: async () => void log.push('yield'),
      onSlice: (ms) => slices.push(ms),
    });
    expect(answer).toBe('done');
    expect(log.filter((l) => l === 'yield')).toHaveLength(2);
    expect(log.indexOf('yield')).toBe(4);
    expect(slices).toEqual([4, 4, 2]);
  });
});
