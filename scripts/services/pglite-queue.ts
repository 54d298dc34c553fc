import type { PGlite } from "@electric-sql/pglite";

/**
 * pglite-socket serves every connection from one PGlite session through a queue of protocol
 * messages. Its own queue keeps a transaction's messages together, but outside a transaction
 * it switches connections between any two messages: one connection's Parse, another's Query,
 * then the first one's Bind fails with "unnamed prepared statement does not exist". This queue
 * also keeps a connection's messages together until the end of its unit of work — a Sync
 * (extended protocol), a simple Query, the startup packet or a Terminate — so two processes
 * (the app and a CLI or a test) can share the embedded database safely.
 */

type Entry = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

// Sync, Query, Terminate end a unit; 0 is the first byte of the startup packet (its length).
const unitEnds = new Set([0x53, 0x51, 0x58, 0x00]);

export class UnitQueryQueue {
  private queue: Entry[] = [];
  private processing = false;
  /** The connection being served until its unit of work ends. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.processQueue();
    });
  }

  async processQueue(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = this.owner === null ? 0 : this.queue.findIndex((entry) => entry.handlerId === this.owner);
        // The owner's next message has not arrived yet: wait for it, serve nobody else.
        if (index === -1) return;
        const [entry] = this.queue.splice(index, 1) as [Entry];
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(entry.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                entry.onData(data);
              },
            }),
          );
        } catch (error) {
          // Inside a transaction the session stays this connection's until it ends.
          this.owner = this.db.isInTransaction() ? entry.handlerId : null;
          entry.reject(error);
          continue;
        }
        const endsUnit = unitEnds.has(entry.message[0] ?? 0);
        // Inside a transaction the connection keeps the session until it commits or rolls back.
        this.owner = endsUnit && !this.db.isInTransaction() ? null : entry.handlerId;
        entry.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((entry) => {
      if (entry.handlerId !== handlerId) return true;
      entry.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection that leaves mid-unit or mid-transaction releases the session. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.processQueue();
  }
}
