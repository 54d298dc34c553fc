import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/services/embedded-database";

describe("the embedded database (PGlite behind a socket)", () => {
  let embedded: EmbeddedDatabase | undefined;
  const clients: postgres.Sql[] = [];
  afterAll(async () => {
    for (const client of clients) await client.end({ timeout: 5 });
    await embedded?.stop();
  });

  it("serves several connections at once without mixing their queries (app + CLI + tests)", async () => {
    embedded = await startEmbeddedDatabase({});
    for (let i = 0; i < 3; i += 1) clients.push(postgres(embedded.url, { max: 2, prepare: false, onnotice: () => {} }));
    await clients[0]!`create table counters (id int primary key, n int not null)`;
    await clients[0]!`insert into counters values (1, 0)`;
    // Parameterised (extended-protocol) queries and transactions from every connection at once.
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) => {
        const client = clients[i % clients.length]!;
        if (i % 4 === 0) {
          return client.begin(async (tx) => {
            await tx`update counters set n = n + ${1} where id = ${1}`;
            const [row] = await tx`select ${i}::int as echo`;
            return row!.echo as number;
          });
        }
        return client`select ${i}::int as echo, ${`texte ${i}`}::text as label`.then(([row]) => {
          expect(row!.label).toBe(`texte ${i}`);
          return row!.echo as number;
        });
      }),
    );
    expect(results).toEqual(Array.from({ length: 120 }, (_, i) => i));
    const [counter] = await clients[1]!`select n from counters where id = ${1}`;
    expect(counter!.n).toBe(30);
  });
});
