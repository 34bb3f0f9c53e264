// Ground truth storage for trades and fundings: current version per id, a bounded set of terminal
// records (oldest evicted first, so memory stays flat on long or benchmark runs), and a small ring of
// superseded versions that `/__sim/inject out-of-order` can replay.

export interface Versioned {
  id: string;
  updatedAt: string;
}

export interface StoredRecord<V extends Versioned> {
  current: V;
  /** Bumped by control-API moves so already-scheduled transitions are ignored. */
  generation: number;
}

const PREVIOUS_VERSIONS_KEPT = 512;

export class RecordStore<V extends Versioned, R extends StoredRecord<V>> {
  readonly records = new Map<string, R>();
  /** Insertion order = order they became terminal; re-inserted on every terminal→terminal move. */
  private readonly terminal = new Set<string>();
  private readonly previous: V[] = [];
  private previousAt = 0;
  lastChangedId: string | undefined;
  evicted = 0;

  constructor(
    private readonly isTerminal: (value: V) => boolean,
    private readonly maxTerminal: number,
    private readonly onEvict: (record: R) => void = () => {},
  ) {}

  get size(): number {
    return this.records.size;
  }

  get(id: string): R | undefined {
    return this.records.get(id);
  }

  add(record: R): void {
    this.records.set(record.current.id, record);
    this.lastChangedId = record.current.id;
    this.track(record.current);
  }

  /** Drops a record as if it never existed (not counted as evicted); returns it, or undefined. */
  remove(id: string): R | undefined {
    const record = this.records.get(id);
    if (!record) return undefined;
    this.records.delete(id);
    this.terminal.delete(id);
    if (this.lastChangedId === id) this.lastChangedId = undefined;
    return record;
  }

  /** Swaps in a new version, remembering the old one for out-of-order injection. */
  update(record: R, next: V): void {
    const before = record.current;
    record.current = next;
    this.previous[this.previousAt] = before;
    this.previousAt = (this.previousAt + 1) % PREVIOUS_VERSIONS_KEPT;
    this.lastChangedId = next.id;
    this.track(next);
  }

  /** The most recently superseded version of a record that still exists and has since moved on. */
  recentSuperseded(accept: (record: R) => boolean = () => true): V | undefined {
    for (let k = 1; k <= PREVIOUS_VERSIONS_KEPT; k++) {
      const old = this.previous[(this.previousAt - k + PREVIOUS_VERSIONS_KEPT) % PREVIOUS_VERSIONS_KEPT];
      if (!old) continue;
      const record = this.records.get(old.id);
      if (record && record.current.updatedAt > old.updatedAt && accept(record)) return old;
    }
    return undefined;
  }

  private track(value: V): void {
    this.terminal.delete(value.id);
    if (!this.isTerminal(value)) return;
    this.terminal.add(value.id);
    while (this.terminal.size > this.maxTerminal) {
      const oldest = this.terminal.values().next().value;
      if (oldest === undefined) break;
      this.terminal.delete(oldest);
      const record = this.records.get(oldest);
      if (record) {
        this.records.delete(oldest);
        this.evicted++;
        this.onEvict(record);
      }
    }
  }
}
