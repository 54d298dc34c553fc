import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/security/headers";

const base = { nonce: "bm9uY2U=", storageEndpoint: "https://s3.gra.io.cloud.ovh.net", storagePathStyle: false, appUrl: "https://aesh.ac-lille.fr", development: false };

describe("security headers", () => {
  it("allows scripts only from the site or with the request's nonce, and no framing", () => {
    const policy = contentSecurityPolicy(base);
    expect(policy).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("upgrade-insecure-requests");
    expect(policy).not.toContain("unsafe-eval");
  });

  it("lets the browser reach the storage for uploads, virtual-host buckets included", () => {
    expect(contentSecurityPolicy(base)).toContain("connect-src 'self' https://s3.gra.io.cloud.ovh.net https://*.s3.gra.io.cloud.ovh.net;");
    expect(contentSecurityPolicy({ ...base, storageEndpoint: "http://127.0.0.1:4568", storagePathStyle: true })).toContain("connect-src 'self' http://127.0.0.1:4568;");
    expect(contentSecurityPolicy({ ...base, storageEndpoint: "pas une url" })).toContain("connect-src 'self';");
  });

  it("development adds what next dev needs; plain http gets no HSTS nor upgrade", () => {
    const policy = contentSecurityPolicy({ ...base, appUrl: "http://localhost:3000", development: true });
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity("https://aesh.ac-lille.fr")).toBe("max-age=63072000; includeSubDomains");
  });

  it("makes a new nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    expect([...nonces].every((nonce) => /^[A-Za-z0-9+/]{22}==$/.test(nonce))).toBe(true);
  });
});
