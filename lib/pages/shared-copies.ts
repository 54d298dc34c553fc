import "server-only";
import type { NextRequest } from "next/server";
import { logger } from "@/lib/logger";
import { settingsCacheMs, settingsWriteCount } from "@/lib/settings/cache-time";

/**
 * Shared copies of the public pages a campaign brings thousands of anonymous visitors to.
 *
 * Every page carries a Content-Security-Policy with a nonce of its own (issue 13), and these
 * pages read the académie's settings, which staff change at any time: Next.js can neither
 * prerender them at build (no database there, and the settings would be frozen) nor cache them
 * (a cached page would repeat its nonce). So the proxy keeps, per process, one rendering of each
 * page as an anonymous visitor gets it, made with a secret placeholder instead of the nonce, and
 * answers each visitor with that copy, the placeholder replaced by the visitor's own fresh
 * nonce. A copy lives `settingsCacheMs` at most, as the settings pages read, and is forgotten
 * at once when this process writes the settings.
 *
 * Signed-in people (their menu, `/` sends them to their space), addresses with a query
 * (`/?deconnecte=1`…), client navigations (RSC requests) and forms sent are rendered for the
 * request, as before. If a copy cannot be made, pages are rendered for each request.
 */

/** The pages shared: no request data in them, only the settings. */
export const sharedPagePaths: ReadonlySet<string> = new Set(["/", "/inscription", "/aide", "/accessibilite", "/donnees-personnelles", "/mot-de-passe-perdu"]);

type Copy = { html: string; headers: Record<string, string>; madeAt: number; writes: number };

/** What a copy keeps of its rendering's response headers (`Link` preloads the styles, with the nonce). */
const keptHeaders = ["vary", "link"];

type Store = {
  /** Marks the proxy's own requests for a copy; never leaves the process. */
  secret: string;
  /** Stands for the nonce in a copy; never leaves the process either (always replaced). */
  placeholder: string;
  copies: Map<string, Copy>;
  making: Map<string, Promise<Copy | null>>;
  failedAt: number;
};

const storeKey = Symbol.for("aesh.shared-copies");

function store(): Store {
  const holder = globalThis as typeof globalThis & { [storeKey]?: Store };
  holder[storeKey] ??= { secret: randomHex(), placeholder: randomHex(), copies: new Map(), making: new Map(), failedAt: Number.NEGATIVE_INFINITY };
  return holder[storeKey];
}

function randomHex(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Headers of a client-side navigation or of a server action: never answered with a copy. */
const routerHeaders = ["rsc", "next-action", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch"];

/** Whether this request may be answered with a shared copy. */
export function wantsSharedCopy(request: NextRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (!sharedPagePaths.has(request.nextUrl.pathname) || request.nextUrl.search !== "") return false;
  if (routerHeaders.some((name) => request.headers.has(name))) return false;
  // Auth.js's session cookie (`authjs.session-token`, `__Secure-` in https, `.0`, `.1`… when split).
  return !request.cookies.getAll().some((cookie) => cookie.name.includes("authjs.session-token"));
}

/** Whether this request is the proxy's own, for a copy: then the page gets the placeholder as nonce. */
export function isCopyRendering(request: Request): boolean {
  return request.headers.get(copyRequestHeader) === store().secret;
}

export function copyPlaceholder(): string {
  return store().placeholder;
}

const copyRequestHeader = "x-aesh-copie-secret";

export const retryAfterFailureMs = 60_000;

/**
 * The copy of `path`, made now if there is none or it is too old (one rendering at a time per
 * page, whoever asks meanwhile waits for it), or null: then render for the request.
 */
export async function sharedCopy(path: string, port: number): Promise<Copy | null> {
  const current = store();
  const copy = current.copies.get(path);
  if (copy && fresh(copy)) return copy;
  // After a failure (a server bound to another address than 127.0.0.1…), pages are rendered per
  // request for a minute rather than each visitor waiting on another attempt.
  if (Date.now() - current.failedAt < retryAfterFailureMs) return null;
  let making = current.making.get(path);
  if (!making) {
    making = makeCopy(path, port).finally(() => current.making.delete(path));
    current.making.set(path, making);
  }
  const made = await making;
  // Settings written here while it was rendered: this visitor must see them.
  return made && fresh(made) ? made : null;
}

function fresh(copy: Copy): boolean {
  return Date.now() - copy.madeAt < settingsCacheMs && copy.writes === settingsWriteCount();
}

async function makeCopy(path: string, port: number): Promise<Copy | null> {
  const current = store();
  const madeAt = Date.now();
  const writes = settingsWriteCount();
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: { [copyRequestHeader]: current.secret, accept: "text/html" },
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(10_000),
    });
    const html = await response.text();
    if (response.status !== 200 || !(response.headers.get("content-type") ?? "").startsWith("text/html")) throw new Error(`HTTP ${response.status}`);
    // Scripts without the nonce would be refused by every visitor's browser.
    if (!html.includes(`nonce="${current.placeholder}"`)) throw new Error("page rendue sans nonce");
    const headers = Object.fromEntries(keptHeaders.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name) ?? ""]] : [])));
    const copy: Copy = { html, headers, madeAt, writes };
    current.copies.set(path, copy);
    return copy;
  } catch (error) {
    current.failedAt = Date.now();
    current.copies.delete(path);
    logger.warn("pages.shared_copy_failed", { path, error: error instanceof Error ? error : String(error) });
    return null;
  }
}

/** The copy as this visitor's page: their nonce in place of the placeholder. */
export function copyBody(copy: Copy, nonce: string): string {
  return copy.html.replaceAll(store().placeholder, nonce);
}

/** The copy's own response headers (Vary, Link), with this visitor's nonce. */
export function copyHeaders(copy: Copy, nonce: string): Record<string, string> {
  return Object.fromEntries(Object.entries(copy.headers).map(([name, value]) => [name, value.replaceAll(store().placeholder, nonce)]));
}

/**
 * Set by the proxy ("1") on the request a shared copy is rendered from, removed from every
 * other request: pages then read the settings fresh (app/_data/settings.ts).
 */
const copyRenderHeader = "x-aesh-copie";

/**
 * The request headers a page is rendered with: the proxy's secret stays in the proxy, and only
 * the proxy says that a rendering is a shared copy's.
 */
export function markCopyRendering(headers: Headers, renderingCopy: boolean): Headers {
  headers.delete(copyRequestHeader);
  headers.delete(copyRenderHeader);
  if (renderingCopy) headers.set(copyRenderHeader, "1");
  return headers;
}

/** For pages: whether this rendering is a public page's shared copy (see `markCopyRendering`). */
export function isSharedCopyRendering(headers: Headers): boolean {
  return headers.get(copyRenderHeader) === "1";
}
