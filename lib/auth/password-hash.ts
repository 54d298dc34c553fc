import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * Password hashing with scrypt (ANSSI-acceptable, built into Node: no native addon to ship).
 * Parameters live here only; each hash records its own, so raising them later keeps old
 * hashes verifiable. N = 2^17, r = 8, p = 1 costs 128 MiB and ~0.3 s per hash on this size
 * of machine, OWASP's recommended minimum.
 */
const parameters = { N: 2 ** 17, r: 8, p: 1, keyLength: 64, saltLength: 16 } as const;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Recovery codes carry 80 random bits: a lighter cost (16 MiB, ~40 ms) keeps checking a
 * staff member's ten codes under half a second, still salted and slow against a stolen table.
 */
export const recoveryCodeCost = { N: 2 ** 14 } as const;

export async function hashPassword(password: string, cost: { N: number } = parameters): Promise<string> {
  const { r, p, keyLength, saltLength } = parameters;
  const { N } = cost;
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, N, r, p, keyLength);
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p), expected.length);
  return timingSafeEqual(actual, expected);
}
