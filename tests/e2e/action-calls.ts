import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { e2eBaseUrl } from "./ports";

/** What the production build says it serves: every server action and every page or route handler. */
export type BuiltAction = { id: string; key: string; page: string };

export function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, action]) => ({
    id,
    key: `${action.filename}#${action.exportedName}`,
    // The shortest page that imports the action: it is posted there, as its own form would be.
    page: Object.keys(action.workers).sort((a, b) => a.length - b.length)[0]!,
  }));
}

/** The page an action is posted to, as a route ("/candidatures/[id]"): fill it with concreteRoute. */
export function actionRoute(action: BuiltAction): string {
  return action.page.replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "") || "/";
}

export function builtRoutes(kind: "all" | "pages" = "all"): string[] {
  const manifest = JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((route) => !/^\/_(not-found|global-error)\//.test(route))
    .filter((route) => kind === "all" || route.endsWith("/page"))
    .map((route) =>
      route
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\/(page|route)$/, "")
        .replace(/^$/, "/"),
    );
}

/** A FormData argument, as `encodeReply` sends it: its fields prefixed by `_<reference>_`. */
export class Form {
  constructor(readonly fields: Record<string, string>) {}
}

function encodeValue(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (value === undefined) return "$undefined";
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  return value;
}

export type ActionAnswer = { status: number; redirect: string | null; body: string };

/**
 * Calls a server action as React does from the browser (`Next-Action` header, arguments encoded
 * by `encodeReply`), with the caller's cookies. `raw` sends a JSON body as is, as a replayed or
 * forged call would.
 */
export async function callAction(request: APIRequestContext, path: string, actionId: string, args: unknown[] | { raw: string }): Promise<ActionAnswer> {
  const headers = { "Next-Action": actionId, Origin: e2eBaseUrl, Accept: "text/x-component" };
  let response;
  if ("raw" in args) {
    response = await request.post(path, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: args.raw, maxRedirects: 0, timeout: 30_000 });
  } else if (args.some((arg) => arg instanceof Form)) {
    // The root ("0") goes last, as React sends it: Next decodes fields as they arrive, and a
    // root read before its FormData's fields would see an empty form.
    const multipart = new FormData();
    let next = 1;
    const root = args.map((arg) => {
      if (!(arg instanceof Form)) return encodeValue(arg);
      const reference = next++;
      for (const [name, value] of Object.entries(arg.fields)) multipart.append(`_${reference}_${name}`, value);
      return `$K${reference.toString(16)}`;
    });
    multipart.append("0", JSON.stringify(root));
    response = await request.post(path, { headers, multipart, maxRedirects: 0, timeout: 30_000 });
  } else {
    response = await request.post(path, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(args.map(encodeValue)), maxRedirects: 0, timeout: 30_000 });
  }
  return { status: response.status(), redirect: response.headers()["x-action-redirect"] ?? null, body: await response.text() };
}
