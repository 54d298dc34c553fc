import { startTcpRelay } from "../services/tcp-relay";

/**
 * A relay between the product and PostgreSQL that counts the round trips the product asks for:
 * each simple query ('Q') and each Sync ('S', the end of an extended-protocol query — how
 * postgres.js sends every statement). Pipelined statements still count one each: this is the
 * number of statements a request costs, an upper bound of its round trips.
 */
export type PgCounter = { url: string; statements: () => number; record: () => () => string[]; stop: () => Promise<void> };

const sslRequest = 80877103;
const gssRequest = 80877104;

export async function startPgCounter(databaseUrl: string): Promise<PgCounter> {
  const target = new URL(databaseUrl);
  let statements = 0;
  let recorded: string[] | null = null;
  /** Reads one connection's frontend messages: the untyped startup ones, then type + length + body. */
  const watch = () => {
    let startup = true;
    let pending = Buffer.alloc(0);
    return (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (startup) {
          if (pending.length < 8) return;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return;
          const code = pending.readInt32BE(4);
          pending = pending.subarray(length);
          if (code !== sslRequest && code !== gssRequest) startup = false;
          continue;
        }
        if (pending.length < 5) return;
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) return;
        const type = String.fromCharCode(pending[0]!);
        if (type === "Q" || type === "S") statements += 1;
        if (recorded && (type === "Q" || type === "P")) {
          // Parse: statement name, then the text; Query: the text. Both NUL-terminated.
          const body = pending.subarray(5, 1 + length);
          const start = type === "P" ? body.indexOf(0) + 1 : 0;
          recorded.push(body.subarray(start, body.indexOf(0, start)).toString("utf8"));
        }
        pending = pending.subarray(1 + length);
      }
    };
  };
  const relay = await startTcpRelay({ host: target.hostname, port: Number(target.port || 5432) }, { watch });
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(relay.port);
  return {
    url: url.toString(),
    statements: () => statements,
    record: () => {
      const texts: string[] = [];
      recorded = texts;
      return () => {
        recorded = null;
        return texts;
      };
    },
    stop: () => relay.close(),
  };
}
