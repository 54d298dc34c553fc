// Loaded with `tsx --import` by every CLI script: lets plain Node import modules of lib/ that
// start with `import "server-only"` (a marker that only Next's server layer resolves).
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
