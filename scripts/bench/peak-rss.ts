import { readFileSync } from "node:fs";

/**
 * This process's peak resident memory, in Mo. Linux keeps getrusage's maximum
 * (`process.resourceUsage().maxRSS`) across exec: a process spawned by a large one reports its
 * parent's size at the fork. The daily job spawned by a bench holding PGlite "peaked" at 1.8 to
 * 2.5 Go that way. `VmHWM` of /proc/self/status is this program's own peak; elsewhere, maxRSS.
 */
export function peakRssMo(): number {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {
    // Not Linux: getrusage's figure, the parent's share included.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
