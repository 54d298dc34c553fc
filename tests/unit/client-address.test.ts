import { describe, expect, it } from "vitest";
import { clientAddressFrom, rateLimitSubject } from "@/lib/security/client-address";

const from = (forwarded: string | null, hops = 1, realIp?: string) =>
  clientAddressFrom(new Headers({ ...(forwarded === null ? {} : { "x-forwarded-for": forwarded }), ...(realIp ? { "x-real-ip": realIp } : {}) }), hops);

describe("issue 13: the client address comes from the trusted proxies only", () => {
  it("takes the entry the outermost trusted proxy wrote, not what the client sent before it", () => {
    // The client forged "6.6.6.6"; nginx appended the address it saw.
    expect(from("6.6.6.6, 198.51.100.7")).toBe("198.51.100.7");
    expect(from("6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(from("198.51.100.7")).toBe("198.51.100.7");
    // Fewer entries than proxies: the request skipped one.
    expect(from("198.51.100.7", 2)).toBe("198.51.100.7");
  });

  it("reads addresses in their usual spellings and refuses what is not one", () => {
    expect(from("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(from("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(from("198.51.100.7:51234")).toBe("198.51.100.7");
    expect(from("<script>")).toBeNull();
    expect(from(null, 1, "203.0.113.5")).toBe("203.0.113.5");
    expect(from(null)).toBeNull();
  });

  it("counts an IPv6 client by its /64, so changing the interface part changes nothing", () => {
    expect(rateLimitSubject("2001:db8:abcd:12::1")).toBe("2001:0db8:abcd:0012::/64");
    expect(rateLimitSubject("2001:db8:abcd:12:ffff:eeee:dddd:cccc")).toBe("2001:0db8:abcd:0012::/64");
    expect(rateLimitSubject("2001:db8:abcd:13::1")).not.toBe(rateLimitSubject("2001:db8:abcd:12::1"));
    expect(rateLimitSubject("::1")).toBe("0000:0000:0000:0000::/64");
    expect(rateLimitSubject("198.51.100.7")).toBe("198.51.100.7");
    expect(rateLimitSubject(null)).toBe("inconnue");
  });
});
