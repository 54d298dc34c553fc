import { assertEnv } from "./lib/env";

try {
  assertEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
