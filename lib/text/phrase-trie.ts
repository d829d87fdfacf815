/**
 * A trie over folded token sequences: finds the longest known phrase starting
 * (or, reversed, ending) at a token, in time proportional to the phrase length.
 */
export class PhraseTrie<V> {
  private readonly root: TrieNode<V> = { next: new Map(), values: [] };

  add(tokens: string[], value: V): void {
    if (tokens.length === 0) return;
    let node = this.root;
    for (const token of tokens) {
      let child = node.next.get(token);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(token, child);
      }
      node = child;
    }
    if (!node.values.includes(value)) node.values.push(value);
  }

  /**
   * The longest phrase read from `tokenAt(i)`, `tokenAt(i + step)`, … that is in the trie,
   * as its length in tokens and its values; null when none. `accept` can stop the walk.
   */
  longest(
    tokenAt: (i: number) => string | undefined,
    from: number,
    step: 1 | -1,
    accept: (i: number) => boolean = () => true,
  ): { length: number; values: V[] } | null {
    let node = this.root;
    let best: { length: number; values: V[] } | null = null;
    for (let i = from, n = 1; ; i += step, n++) {
      const token = tokenAt(i);
      if (token === undefined || !accept(i)) break;
      const child = node.next.get(token);
      if (!child) break;
      node = child;
      if (node.values.length > 0) best = { length: n, values: node.values };
    }
    return best;
  }
}

interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  values: V[];
}
