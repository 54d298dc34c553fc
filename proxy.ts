import { NextResponse, type NextRequest } from "next/server";
import { env, serverPort } from "@/lib/env";
import { copyBody, copyHeaders, copyPlaceholder, isCopyRendering, markCopyRendering, sharedCopy, wantsSharedCopy } from "@/lib/pages/shared-copies";
import { malformedActionCall } from "@/lib/security/action-calls";
import { contentSecurityPolicy, fixedSecurityHeaders, newNonce, strictTransportSecurity } from "@/lib/security/headers";

/**
 * Cheap, and holds no session: passes the requested path to server components (as `x-aesh-path`), so a
 * candidate page reached without a session sends to the login and comes back to it after; and
 * sets each page's Content-Security-Policy with a fresh nonce (Next.js reads it from the request
 * header and puts it on its scripts), with HSTS in production. Answers anonymous visitors of the
 * public pages with their shared copy (lib/pages/shared-copies.ts), with a nonce of their own.
 * Sessions are checked in layouts, pages and actions, never here.
 */
export async function proxy(request: NextRequest) {
  const environment = env();
  const renderingCopy = isCopyRendering(request);
  const nonce = renderingCopy ? copyPlaceholder() : newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    storageEndpoint: environment.S3_ENDPOINT,
    storagePathStyle: environment.S3_FORCE_PATH_STYLE,
    appUrl: environment.APP_URL,
    development: environment.NODE_ENV === "development",
  });
  const hsts = strictTransportSecurity(environment.APP_URL);
  // A path that is not valid percent-encoding ("/verification/%FF"), or a forged action call
  // Next.js cannot decode, would fail in the router with a bare 500: answer here, in French,
  // with the security headers.
  const refusal = !wellEncoded(request.nextUrl.pathname)
    ? "Adresse invalide : vérifiez le lien ou recopiez-le en entier."
    : (await malformedActionCall(request))
      ? "Requête invalide : rechargez la page et recommencez."
      : null;
  if (refusal) {
    return new NextResponse(refusal, {
      status: 400,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Security-Policy": policy,
        ...fixedSecurityHeaders,
        ...(hsts ? { "Strict-Transport-Security": hsts } : {}),
      },
    });
  }
  const port = serverPort();
  if (!renderingCopy && environment.NODE_ENV === "production" && port && wantsSharedCopy(request)) {
    const copy = await sharedCopy(request.nextUrl.pathname, port);
    if (copy) {
      return new NextResponse(request.method === "HEAD" ? null : copyBody(copy, nonce), {
        status: 200,
        headers: {
          "Content-Type": "text/html; charset=utf-8",
          "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
          ...copyHeaders(copy, nonce),
          "Content-Security-Policy": policy,
          ...fixedSecurityHeaders,
          ...(hsts ? { "Strict-Transport-Security": hsts } : {}),
        },
      });
    }
  }
  const headers = markCopyRendering(new Headers(request.headers), renderingCopy);
  headers.set("x-aesh-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

function wellEncoded(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|icon.svg).*)"],
};
