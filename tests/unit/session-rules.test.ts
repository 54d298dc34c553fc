import { describe, expect, it } from "vitest";
import { candidateSessionOver } from "@/lib/auth/session-rules";

const hour = 3600;

describe("candidate sessions", () => {
  it("end after an hour without activity", () => {
    expect(candidateSessionOver({ seen: 0, since: 0 }, hour - 1)).toBe(false);
    expect(candidateSessionOver({ seen: 0, since: 0 }, hour + 1)).toBe(true);
  });

  it("end 12 hours after signing in, however active", () => {
    const active = { seen: 12 * hour - 60, since: 0 };
    expect(candidateSessionOver(active, 12 * hour - 30)).toBe(false);
    expect(candidateSessionOver({ ...active, seen: 12 * hour }, 12 * hour + 30)).toBe(true);
  });

  it("a token from before the rule counts from its last activity; one without any is over", () => {
    expect(candidateSessionOver({ seen: 1000 }, 1000 + hour - 1)).toBe(false);
    expect(candidateSessionOver({}, 10 * hour)).toBe(true);
  });
});
