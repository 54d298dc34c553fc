/**
 * The Content-Security-Policy and Strict-Transport-Security of every page, built per request
 * by proxy.ts. Pure: no environment read here. Scripts run only from this origin or with the
 * request's nonce (Next.js puts it on its own scripts); no `unsafe-inline` for scripts. Styles
 * keep `unsafe-inline` for React's `style` attributes (a style cannot run code).
 */

export type SecurityHeaderInput = {
  nonce: string;
  /** Where the browser sends uploads (presigned POST) and reads presigned files. */
  storageEndpoint: string | undefined;
  /** Path-style storage URLs; otherwise the bucket is a sub-domain of the endpoint. */
  storagePathStyle: boolean;
  /** The platform's public URL: HSTS and upgrade-insecure-requests only when it is https. */
  appUrl: string | undefined;
  /** `next dev` evaluates code for its error overlay and fast refresh. */
  development: boolean;
};

function storageSources(endpoint: string | undefined, pathStyle: boolean): string[] {
  if (!endpoint) return [];
  try {
    const url = new URL(endpoint);
    return pathStyle ? [url.origin] : [url.origin, `${url.protocol}//*.${url.host}`];
  } catch {
    return [];
  }
}

export function contentSecurityPolicy(input: SecurityHeaderInput): string {
  const storage = storageSources(input.storageEndpoint, input.storagePathStyle);
  const https = input.appUrl?.startsWith("https://") ?? false;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${input.nonce}' 'strict-dynamic'${input.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${storage.join(" ")}`.trim(),
    "font-src 'self'",
    `connect-src 'self' ${storage.join(" ")}${input.development ? " ws: wss:" : ""}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * The headers every response carries besides the two above: next.config.ts sets them on what
 * Next.js answers, proxy.ts on what it answers itself (a refusal, a shared copy).
 */
export const fixedSecurityHeaders: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(self), microphone=(), geolocation=()",
};

/** Two years, sub-domains included (an académie's platform lives on its own https host). */
export function strictTransportSecurity(appUrl: string | undefined): string | null {
  return appUrl?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}

/** A fresh nonce per request: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
