/**
 * A tournament tree over the keys key[0 … n−1]: the index of the least key,
 * the smallest index among equal keys (R's hclust picks "the smallest i
 * whose DISNN is strictly least"), in O(1); a changed key is re-played up
 * the tree in O(log n). A NaN key loses to every other key (it wins only
 * when every key is NaN), so that a NaN can never hide a real least key.
 */
export class Tournament {
  private readonly size: number;
  /** node → winning index (−1 for none); leaves at size … size + n − 1 */
  private readonly win: Int32Array;

  constructor(private readonly key: Float64Array) {
    const n = key.length;
    let size = 1;
    while (size < n) size *= 2;
    this.size = size;
    this.win = new Int32Array(2 * size).fill(-1);
    for (let i = 0; i < n; i++) this.win[size + i] = i;
    for (let v = size - 1; v >= 1; v--) this.win[v] = this.better(this.win[2 * v], this.win[2 * v + 1]);
  }

  /** The index of the least key (smallest index on ties), or −1 when there is no key. */
  get min(): number {
    return this.win[1];
  }

  /** Re-plays the matches of index i after key[i] changed. */
  update(i: number): void {
    let v = (this.size + i) >> 1;
    while (v >= 1) {
      this.win[v] = this.better(this.win[2 * v], this.win[2 * v + 1]);
      v >>= 1;
    }
  }

  /** The winner of a match: a (the smaller index) unless b's key is strictly less, or a's is NaN and b's not. */
  private better(a: number, b: number): number {
    if (a < 0) return b;
    if (b < 0) return a;
    const ka = this.key[a];
    const kb = this.key[b];
    return kb < ka || (ka !== ka && kb === kb) ? b : a;
  }
}
