import { describe, expect, test } from 'vitest';
import { RecheckGate, type RecheckGateOptions } from '../../../lib/scheduling/recheck-gate';

/** Virtual time with timers, so the gate's decisions can be replayed exactly. */
function virtualTime() {
  let t = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => t,
    setTimer: (run: () => void, ms: number) => {
      timers.set(++seq, { at: t + ms, run });
      return seq;
    },
    clearTimer: (h: unknown) => void timers.delete(h as number),
    /** Moves time forward to `to`, firing due timers in order and letting promises settle. */
    async until(to: number) {
      for (;;) {
        await new Promise((r) => setImmediate(r));
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > to) break;
        timers.delete(next[0]);
        t = next[1].at;
        next[1].run();
      }
      t = to;
      await new Promise((r) => setImmediate(r));
    },
  };
}

function gateWith(time: ReturnType<typeof virtualTime>, costMs: number, overrides: Partial<RecheckGateOptions> = {}) {
  const runs: number[] = [];
  const gate = new RecheckGate({
    quietMs: 250,
    maxWaitMs: 1000,
    maxShare: 0.1,
    now: time.now,
    setTimer: time.setTimer,
    clearTimer: time.clearTimer,
    check: async () => {
      runs.push(time.now());
      return costMs;
    },
    ...overrides,
  });
  return { gate, runs };
}

describe('RecheckGate', () => {
  test('waits for the page to go still, then checks once', async () => {
    const time = virtualTime();
    const { gate, runs } = gateWith(time, 1);
    for (let at = 0; at <= 200; at += 50) {
      await time.until(at);
      gate.poke();
    }
    await time.until(2000);
    expect(runs).toEqual([450]);
  });

  test('a page that never stops changing is checked every maxWait, not on every change', async () => {
    const time = virtualTime();
    const { gate, runs } = gateWith(time, 1);
    // A mutation callback every 10 ms for 5 s: 500 pokes.
    for (let at = 0; at < 5000; at += 10) {
      await time.until(at);
      gate.poke();
    }
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.length).toBeLessThanOrEqual(5);
  });

  test.each([
    [20, 0.1],
    [100, 0.1],
    [100, 0.05],
  ])('checks costing %d ms on a page that never stops changing use at most %d of the time', async (cost, share) => {
    const time = virtualTime();
    const { gate, runs } = gateWith(time, cost, { maxShare: share });
    for (let at = 0; at < 20_000; at += 10) {
      await time.until(at);
      gate.poke();
    }
    expect((runs.length * cost) / 20_000).toBeLessThanOrEqual(share + cost / 20_000);
  });

  test('now() checks at once; stop() cancels what is waiting', async () => {
    const time = virtualTime();
    const { gate, runs } = gateWith(time, 1);
    gate.now();
    await time.until(1);
    expect(runs).toEqual([0]);
    gate.poke();
    gate.stop();
    await time.until(5000);
    expect(runs).toEqual([0]);
  });

  test('a failing check is reported and the gate keeps going', async () => {
    const time = virtualTime();
    const errors: unknown[] = [];
    let calls = 0;
    const gate = new RecheckGate({
      quietMs: 10, maxWaitMs: 100, maxShare: 0.5, now: time.now, setTimer: time.setTimer, clearTimer: time.clearTimer,
      check: async () => {
        calls++;
        if (calls === 1) throw new Error('Extension context invalidated.');
        return 1;
      },
      onError: (e) => errors.push(e),
    });
    gate.now();
    await time.until(5);
    gate.poke();
    await time.until(1000);
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
  });

  test('a failed check is tried again on its own, later each time, a few times at most', async () => {
    const time = virtualTime();
    const runs: number[] = [];
    let failing = 4;
    const gate = new RecheckGate({
      quietMs: 10, maxWaitMs: 100, maxShare: 0.5, retries: 3, now: time.now, setTimer: time.setTimer, clearTimer: time.clearTimer,
      check: async () => {
        runs.push(time.now());
        if (failing-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
        return 1;
      },
    });
    gate.now();
    await time.until(10_000);
    // The first look and three retries, 100, 200 and 400 ms apart; then it waits for the page to change.
    expect(runs).toEqual([0, 100, 300, 700]);
    gate.poke();
    await time.until(20_000);
    expect(runs).toHaveLength(5);
  });

  test('a retry that works resets the count', async () => {
    const time = virtualTime();
    const runs: number[] = [];
    const outcomes = [false, true, false, false];
    const gate = new RecheckGate({
      quietMs: 10, maxWaitMs: 100, maxShare: 0.5, retries: 1, now: time.now, setTimer: time.setTimer, clearTimer: time.clearTimer,
      check: async () => {
        runs.push(time.now());
        if (!(outcomes.shift() ?? true)) throw new Error('No answer from the extension for checkPage');
        return 1;
      },
    });
    gate.now();
    await time.until(1000);
    expect(runs).toEqual([0, 100]);
    gate.poke();
    await time.until(5000);
    // A fresh failure gets its own retry after the first wait again.
    expect(runs).toEqual([0, 100, 1010, 1110]);
  });

  test('a page that keeps changing while every check fails is checked less and less often, down to once a minute', async () => {
    const time = virtualTime();
    const runs: number[] = [];
    const gate = new RecheckGate({
      quietMs: 10, maxWaitMs: 1000, maxShare: 0.5, now: time.now, setTimer: time.setTimer, clearTimer: time.clearTimer,
      check: async () => {
        runs.push(time.now());
        throw new Error('No answer from the extension for checkPage');
      },
    });
    for (let at = 0; at <= 600_000; at += 100) {
      await time.until(at);
      gate.poke();
    }
    const gaps = runs.slice(1).map((t, i) => t - runs[i]!);
    expect(gaps.slice(0, 7)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 64_000]);
    expect(Math.max(...gaps)).toBe(64_000);
  });
});
