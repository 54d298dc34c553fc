import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/**
 * s3rver accepts any browser POST upload: it ignores the policy, its signature and its expiry.
 * Real S3 (and MinIO, Garage, Scaleway, OVH…) refuse them. This layer, placed in front of
 * s3rver in the local stacks, checks what S3 checks — SigV4 signature, expiration, every
 * condition (exact fields, "eq", "starts-with", "content-length-range") and fields the policy
 * does not cover — and answers with S3's error codes, so dev and tests see what production sees.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */

type Refusal = { status: number; code: string; message: string };

// Beyond this, the body is refused without being read (any policy of ours is far below).
const hardLimitBytes = 64 * 1024 * 1024;

const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const ignoredFields = new Set(["policy", "x-amz-signature", "file"]);

/** Checks one POST form against its policy; null when S3 would accept it. */
export function checkPostPolicy(
  form: { fields: Map<string, string>; fileSize: number | null },
  bucket: string,
  secretAccessKey: string,
  now = new Date(),
): Refusal | null {
  const denied = (message: string): Refusal => ({ status: 403, code: "AccessDenied", message });
  const policyBase64 = form.fields.get("policy");
  if (!policyBase64) return denied("Bucket POST must contain a field named 'policy'.");
  if (form.fileSize === null) return { status: 400, code: "InvalidArgument", message: "POST requires exactly one file upload per request." };

  const credential = form.fields.get("x-amz-credential") ?? "";
  const [, date, region, service, terminal] = credential.split("/");
  const signature = form.fields.get("x-amz-signature") ?? "";
  if (form.fields.get("x-amz-algorithm") !== "AWS4-HMAC-SHA256" || !date || !region || !service || terminal !== "aws4_request") {
    return denied("Invalid according to Policy: missing or malformed SigV4 fields.");
  }
  const expected = createHmac("sha256", signingKey(secretAccessKey, date, region, service)).update(policyBase64, "utf8").digest("hex");
  if (!sameText(expected, signature)) {
    return { status: 403, code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match the signature you provided." };
  }

  let policy: { expiration?: string; conditions?: unknown[] };
  try {
    policy = JSON.parse(Buffer.from(policyBase64, "base64").toString("utf8"));
  } catch {
    return { status: 400, code: "InvalidPolicyDocument", message: "Invalid Policy: Invalid JSON." };
  }
  const expiration = Date.parse(policy.expiration ?? "");
  if (Number.isNaN(expiration)) return { status: 400, code: "InvalidPolicyDocument", message: "Invalid Policy: Policy missing expiration." };
  if (expiration < now.getTime()) return denied("Invalid according to Policy: Policy expired.");

  const value = (name: string) => (name === "bucket" ? bucket : form.fields.get(name));
  const covered = new Set<string>(["bucket"]);
  for (const condition of policy.conditions ?? []) {
    const failed = denied(`Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`);
    if (Array.isArray(condition)) {
      const [operator, field, expectedValue] = condition as [string, string | number, string | number];
      if (operator === "content-length-range") {
        const [min, max] = [Number(field), Number(expectedValue)];
        if (form.fileSize > max) return { status: 400, code: "EntityTooLarge", message: "Your proposed upload exceeds the maximum allowed size" };
        if (form.fileSize < min) return { status: 400, code: "EntityTooSmall", message: "Your proposed upload is smaller than the minimum allowed size" };
        continue;
      }
      const name = String(field).replace(/^\$/, "").toLowerCase();
      covered.add(name);
      const actual = value(name) ?? "";
      if (operator === "eq" && actual !== String(expectedValue)) return failed;
      if (operator === "starts-with" && !actual.startsWith(String(expectedValue))) return failed;
      if (operator !== "eq" && operator !== "starts-with") return { status: 400, code: "InvalidPolicyDocument", message: `Invalid Policy: Invalid condition ${operator}.` };
    } else if (condition && typeof condition === "object") {
      for (const [field, expectedValue] of Object.entries(condition)) {
        const name = field.toLowerCase();
        covered.add(name);
        if (value(name) !== String(expectedValue)) return failed;
      }
    }
  }
  const extra = [...form.fields.keys()].filter((name) => !ignoredFields.has(name) && !name.startsWith("x-ignore-") && !covered.has(name));
  if (extra.length) return denied(`Invalid according to Policy: Extra input fields: ${extra.join(", ")}`);
  return null;
}

function errorXml(refusal: Refusal): string {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${escape(refusal.message)}</Message></Error>`;
}

type KoaContext = {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  req: IncomingMessage;
  request: { req: IncomingMessage };
  status: number;
  body: unknown;
  is: (type: string) => string | false | null;
  get: (name: string) => string;
  set: (name: string, value: string) => void;
};

/** A Koa middleware for s3rver: browser POST uploads are checked, then replayed to s3rver. */
export function postPolicyMiddleware(options: { secretAccessKey: string; allowedOrigins: string[] }) {
  return async (ctx: KoaContext, next: () => Promise<unknown>) => {
    const segments = ctx.path.split("/").filter(Boolean);
    // A private bucket, as the platform's must be: reads and listings need a signature
    // (credentials, or a presigned URL's query); s3rver alone serves anyone.
    if ((ctx.method === "GET" || ctx.method === "HEAD") && !ctx.get("authorization") && !("X-Amz-Signature" in ctx.query)) {
      ctx.status = 403;
      ctx.set("Content-Type", "application/xml");
      ctx.body = errorXml({ status: 403, code: "AccessDenied", message: "Access Denied" });
      return;
    }
    if (ctx.method !== "POST" || segments.length !== 1 || !ctx.is("multipart/form-data")) return next();
    const refuse = (refusal: Refusal) => {
      const origin = ctx.get("origin");
      // The browser must be able to read the refusal to tell the person why.
      if (origin && options.allowedOrigins.includes(origin)) ctx.set("Access-Control-Allow-Origin", origin);
      ctx.status = refusal.status;
      ctx.set("Content-Type", "application/xml");
      ctx.body = errorXml(refusal);
    };
    if (Number(ctx.get("content-length") || 0) > hardLimitBytes) {
      ctx.req.resume();
      return refuse({ status: 400, code: "EntityTooLarge", message: "Your proposed upload exceeds the maximum allowed size" });
    }
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of ctx.req) {
      received += (chunk as Buffer).length;
      if (received > hardLimitBytes) return refuse({ status: 400, code: "EntityTooLarge", message: "Your proposed upload exceeds the maximum allowed size" });
      chunks.push(chunk as Buffer);
    }
    const raw = Buffer.concat(chunks);
    let parsed: FormData;
    try {
      parsed = await new Request("http://storage.local/", { method: "POST", headers: { "content-type": ctx.get("content-type") }, body: raw }).formData();
    } catch {
      return refuse({ status: 400, code: "MalformedPOSTRequest", message: "The body of your POST request is not well-formed multipart/form-data." });
    }
    const fields = new Map<string, string>();
    let fileSize: number | null = null;
    for (const [name, entry] of parsed.entries()) {
      if (typeof entry === "string") fields.set(name.toLowerCase(), entry);
      else if (name === "file") fileSize = entry.size;
    }
    const refusal = checkPostPolicy({ fields, fileSize }, decodeURIComponent(segments[0]!), options.secretAccessKey);
    if (refusal) return refuse(refusal);
    // s3rver reads the body again: hand it the bytes we consumed, with the same headers.
    const original = ctx.req;
    const replay = Object.assign(Readable.from([raw]), {
      headers: original.headers,
      method: original.method,
      url: original.url,
      httpVersion: original.httpVersion,
      socket: original.socket,
      connection: original.socket,
    }) as unknown as IncomingMessage;
    ctx.req = replay;
    ctx.request.req = replay;
    return next();
  };
}
