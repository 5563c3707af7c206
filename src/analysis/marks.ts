/**
 * A set of small integers (action ids) that empties in constant time: each `clear()` starts a new
 * generation instead of zeroing the array. Analysing a policy with `*` touches ~20,000 ids per statement;
 * this keeps that to array writes.
 */
export class IdMarks {
  private stamps = new Uint32Array(1024);
  private generation = 1;

  clear(): void {
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  add(id: number): void {
    if (id >= this.stamps.length) {
      const bigger = new Uint32Array(Math.max(id + 1, this.stamps.length * 2));
      bigger.set(this.stamps);
      this.stamps = bigger;
    }
    this.stamps[id] = this.generation;
  }

  has(id: number): boolean {
    return id < this.stamps.length && this.stamps[id] === this.generation;
  }
}
