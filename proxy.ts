import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/security/headers";

/**
 * Cheap and stateless: passes the requested path to server components (as `x-aesh-path`), so a
 * candidate page reached without a session sends to the login and comes back to it after; and
 * sets each page's Content-Security-Policy with a fresh nonce (Next.js reads it from the request
 * header and puts it on its scripts), with HSTS in production.
 * Sessions are checked in layouts, pages and actions, never here.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-aesh-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const nonce = newNonce();
  const config = env();
  const policy = contentSecurityPolicy({
    nonce,
    storageEndpoint: config.S3_ENDPOINT,
    storagePathStyle: config.S3_FORCE_PATH_STYLE,
    appUrl: config.APP_URL,
    development: config.NODE_ENV === "development",
  });
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  const hsts = strictTransportSecurity(config.APP_URL);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|icon.svg).*)"],
};
