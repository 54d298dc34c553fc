import { NextResponse, type NextRequest } from "next/server";

/**
 * Cheap and stateless: passes the requested path to server components (as `x-aesh-path`), so a
 * candidate page reached without a session sends to the login and comes back to it after.
 * Sessions are checked in layouts, pages and actions, never here.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-aesh-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|icon.svg).*)"],
};
