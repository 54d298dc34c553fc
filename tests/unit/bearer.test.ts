import { describe, expect, it } from "vitest";
import { hasBearerSecret } from "@/lib/auth/bearer";

describe("cron secret check", () => {
  const secret = "a-long-enough-cron-secret";
  it("accepts exactly the secret as a bearer token", () => {
    expect(hasBearerSecret(`Bearer ${secret}`, secret)).toBe(true);
  });
  it.each([null, "", secret, `Bearer ${secret}x`, `Basic ${secret}`, "Bearer "])("refuses %j", (header) => {
    expect(hasBearerSecret(header, secret)).toBe(false);
  });
});
