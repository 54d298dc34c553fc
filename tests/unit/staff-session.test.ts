import { describe, expect, it } from "vitest";
import { staffAbsoluteHours, staffIdleMinutes, staffSessionAlive } from "@/lib/staff/sessions";

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 8, 0) + minutes * 60_000);

describe("staff session limits", () => {
  it("ends after 30 minutes without activity, and 10 hours after sign-in whatever the activity", () => {
    expect(staffIdleMinutes).toBe(30);
    expect(staffAbsoluteHours).toBe(10);
    const session = { createdAt: at(0), lastSeenAt: at(0), endedAt: null };
    expect(staffSessionAlive(session, at(29))).toBe(true);
    expect(staffSessionAlive(session, at(31))).toBe(false);
    expect(staffSessionAlive({ ...session, lastSeenAt: at(599) }, at(600))).toBe(true);
    expect(staffSessionAlive({ ...session, lastSeenAt: at(600) }, at(601))).toBe(false);
  });

  it("ends at once when signed out, and when there is no session row", () => {
    expect(staffSessionAlive({ createdAt: at(0), lastSeenAt: at(5), endedAt: at(6) }, at(7))).toBe(false);
    expect(staffSessionAlive(null, at(0))).toBe(false);
  });
});
