import { isIPv4, isIPv6 } from "node:net";

/**
 * The address a request came from, for per-address limits and the staff journal.
 *
 * `X-Forwarded-For` lists one address per hop; each proxy appends the one it saw, so only the
 * rightmost `trustedHops` entries were written by proxies of ours — anything to their left was
 * sent by the client and may be forged. With `trustedHops` = 1 (one reverse proxy: nginx,
 * Vercel, a load balancer) the client is the last entry; with 2, the one before it. Next.js
 * itself fills the header with the socket's address when no proxy did, so 1 also suits a
 * server reached directly — except that then a client can send the header itself: never
 * expose `next start` without a proxy in production.
 */
export function clientAddressFrom(headers: Headers, trustedHops: number): string | null {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops.length === 0) return normalise(headers.get("x-real-ip"));
  // Fewer entries than trusted proxies: the request skipped one; the leftmost is all there is.
  return normalise(hops[Math.max(0, hops.length - Math.max(1, trustedHops))]);
}

function normalise(value: string | null | undefined): string | null {
  if (!value) return null;
  const bare = value.replace(/^\[(.*)\](:\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  return isIPv4(bare) || isIPv6(bare) ? bare.toLowerCase() : null;
}

/**
 * What per-address limits count: an IPv4 address as is, an IPv6 address by its /64 prefix — one
 * subscriber usually holds a whole /64 and could otherwise change address at every try.
 */
export function rateLimitSubject(address: string | null): string {
  if (!address) return "inconnue";
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4 style) counts as two groups.
  const expand = (groups: string[]) => groups.flatMap((group) => (group.includes(".") ? ipv4Groups(group) : [group]));
  const l = expand(left);
  const r = expand(right);
  const middle = tail === undefined ? [] : Array(8 - l.length - r.length).fill("0");
  return [...l, ...middle, ...r].map((group) => group.padStart(4, "0").toLowerCase());
}

function ipv4Groups(ipv4: string): string[] {
  const [a, b, c, d] = ipv4.split(".").map(Number) as [number, number, number, number];
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
