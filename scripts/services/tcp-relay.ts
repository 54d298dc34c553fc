import net from "node:net";

/**
 * A TCP relay in front of a real server. Tests use it to inject what a restart does to its
 * clients: every open connection cut at once, then connections refused (nothing listens) until
 * the server is back — the server itself is never touched (other tests share it). The bench
 * uses `watch` to read what clients send (scripts/bench/pg-counter.ts).
 */
export async function startTcpRelay(target: { host: string; port: number }, options: { watch?: () => (chunk: Buffer) => void } = {}) {
  const open = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((client) => {
    accepted += 1;
    const upstream = net.connect(target.port, target.host);
    open.add(client).add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
    // One watcher per connection: it sees the client's bytes in order, as the server does.
    if (options.watch) client.on("data", options.watch());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    get connectionsAccepted() {
      return accepted;
    },
    /** Cuts every connection now, and refuses new ones until `up()`. */
    async down() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of open) socket.destroy();
      open.clear();
      await closed;
    },
    async up() {
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    },
    async close() {
      if (server.listening) await this.down();
    },
  };
}
