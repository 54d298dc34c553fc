import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { childProcessEnv } from "../lib/env";

/**
 * Starts `next dev` or `next start` (the binary itself, so stopping it stops the server).
 * `quiet`: its request log is not printed, its errors are (the bench's servers).
 */
export function runNext(mode: "dev" | "start", port: number, env: Record<string, string>, options: { quiet?: boolean } = {}): ChildProcess {
  const bin = path.join(process.cwd(), "node_modules", ".bin", "next");
  return spawn(bin, [mode, "--port", String(port), "--hostname", "0.0.0.0"], {
    stdio: options.quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    // A public-service platform sends nothing to third parties, Next's telemetry included.
    env: childProcessEnv({ NEXT_TELEMETRY_DISABLED: "1", ...env }),
  });
}

/** Stops the child and the services on Ctrl-C or SIGTERM, and when the child exits. */
export function superviseNext(child: ChildProcess, stopServices: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await stopServices();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
}
