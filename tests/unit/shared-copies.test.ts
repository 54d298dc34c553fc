import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { copyBody, copyHeaders, copyPlaceholder, isCopyRendering, retryAfterFailureMs, sharedCopy, wantsSharedCopy } from "@/lib/pages/shared-copies";
import { countSettingsWrite, settingsCacheMs } from "@/lib/settings/cache-time";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`http://localhost:3000${path}`, init);
}

describe("which requests get a public page's shared copy", () => {
  it("an anonymous visitor opening a public page without a query", () => {
    expect(wantsSharedCopy(request("/"))).toBe(true);
    expect(wantsSharedCopy(request("/inscription", { method: "HEAD" }))).toBe(true);
    // A logged-out browser may keep Auth.js's other cookies.
    expect(wantsSharedCopy(request("/aide", { headers: { cookie: "authjs.csrf-token=abc; authjs.callback-url=x" } }))).toBe(true);
  });

  it("never a signed-in person, a query, a client navigation, a form sent or another page", () => {
    expect(wantsSharedCopy(request("/aide", { headers: { cookie: "authjs.session-token=abc" } }))).toBe(false);
    expect(wantsSharedCopy(request("/", { headers: { cookie: "__Secure-authjs.session-token.0=abc" } }))).toBe(false);
    expect(wantsSharedCopy(request("/?deconnecte=1"))).toBe(false);
    expect(wantsSharedCopy(request("/?suivant=%2Fcompte"))).toBe(false);
    expect(wantsSharedCopy(request("/inscription", { headers: { rsc: "1" } }))).toBe(false);
    expect(wantsSharedCopy(request("/", { method: "POST", headers: { "next-action": "abc" } }))).toBe(false);
    expect(wantsSharedCopy(request("/tableau-de-bord"))).toBe(false);
    expect(wantsSharedCopy(request("/verification/abc"))).toBe(false);
  });
});

describe("a shared copy, against a real HTTP server standing for the app", () => {
  let server: Server;
  let port: number;
  let renders = 0;
  let status = 200;
  let withNonce = true;

  beforeAll(async () => {
    server = createServer((incoming, response) => {
      // The app renders with the placeholder only for the proxy's own request.
      const own = isCopyRendering(new Request("http://localhost/", { headers: incoming.headers as Record<string, string> }));
      renders += 1;
      const nonce = own && withNonce ? copyPlaceholder() : "autre";
      response.writeHead(status, { "content-type": "text/html; charset=utf-8", vary: "rsc", link: `</a.css>; rel=preload; nonce="${nonce}"` });
      response.end(`<html><script nonce="${nonce}">self.__next_f.push([1,"${renders}"])</script></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is rendered once, given each visitor's own nonce, then again when old or when the settings change here", async () => {
    const first = await sharedCopy("/aide", port);
    const second = await sharedCopy("/aide", port);
    expect(renders).toBe(1);
    expect(second).toBe(first);
    expect(copyBody(first!, "bm9uY2UtMQ==")).toBe('<html><script nonce="bm9uY2UtMQ==">self.__next_f.push([1,"1"])</script></html>');
    expect(copyBody(first!, "bm9uY2UtMg==")).toContain('nonce="bm9uY2UtMg=="');
    expect(copyHeaders(first!, "bm9uY2UtMQ==")).toEqual({ vary: "rsc", link: '</a.css>; rel=preload; nonce="bm9uY2UtMQ=="' });

    // Visitors arriving together share one rendering.
    countSettingsWrite();
    await Promise.all([sharedCopy("/aide", port), sharedCopy("/aide", port), sharedCopy("/aide", port)]);
    expect(renders).toBe(2);

    const now = Date.now();
    const clock = vi.spyOn(Date, "now").mockReturnValue(now + settingsCacheMs + 1);
    try {
      const third = await sharedCopy("/aide", port);
      expect(renders).toBe(3);
      expect(copyBody(third!, "n")).toContain('push([1,"3"])');
    } finally {
      clock.mockRestore();
    }
  });

  it("is not kept when the page fails or lacks the nonce: pages are then rendered per request for a while", async () => {
    withNonce = false;
    expect(await sharedCopy("/accessibilite", port)).toBeNull();
    withNonce = true;
    const before = renders;
    // Within the pause after a failure, no request waits on another attempt.
    expect(await sharedCopy("/accessibilite", port)).toBeNull();
    expect(renders).toBe(before);
    const clock = vi.spyOn(Date, "now").mockReturnValue(Date.now() + retryAfterFailureMs + 1);
    try {
      status = 500;
      expect(await sharedCopy("/donnees-personnelles", port)).toBeNull();
      // Tried again once the pause is over: the error page is not kept either.
      expect(renders).toBe(before + 1);
    } finally {
      clock.mockRestore();
      status = 200;
    }
  });
});
