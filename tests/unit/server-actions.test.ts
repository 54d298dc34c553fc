import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Every file whose first statement is "use server": its exports are server actions. */
function actionFiles(): string[] {
  return [...sourceFiles("app"), ...sourceFiles("lib"), ...sourceFiles("components")].filter((file) =>
    /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(readFileSync(path.join(root, file), "utf8")),
  );
}

describe("issue 13: one wrapper for every server action", () => {
  it("every export of a 'use server' file is a serverAction (caller checked, arguments parsed)", () => {
    const files = actionFiles();
    const actions: string[] = [];
    const offenders: string[] = [];
    for (const file of files) {
      const source = readFileSync(path.join(root, file), "utf8");
      for (const line of source.split("\n").filter((text) => text.startsWith("export "))) {
        if (/^export (type|interface) /.test(line)) continue;
        const wrapped = /^export const (\w+) = serverAction\("(public|candidate|provisional-candidate|staff-session|staff|admin)", \[/.exec(line);
        if (wrapped) actions.push(`${file}#${wrapped[1]}`);
        else offenders.push(`${file}: ${line.slice(0, 100)}`);
      }
    }
    expect(offenders).toEqual([]);
    // The app has dozens of actions; finding few would mean the scan stopped seeing them.
    expect(actions.length).toBeGreaterThanOrEqual(60);
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it("no page or component defines an inline action that would bypass the wrapper", () => {
    const inline = [...sourceFiles("app"), ...sourceFiles("components")].filter((file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      return !/^["']use server["']/.test(source.trimStart()) && /["']use server["']/.test(source);
    });
    expect(inline).toEqual([]);
  });
});
