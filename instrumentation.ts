/** Runs once when a server instance starts: a misconfigured deployment stops here, naming the variable. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
