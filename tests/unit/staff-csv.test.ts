import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { rankedOptions } from "@/lib/applications/choices";
import { csvFile, csvLine } from "@/lib/staff/csv";

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

describe("the staff's CSV dialect, as French Excel reads it", () => {
  it("separates cells with ';', ends lines with CRLF and quotes only cells that need it", () => {
    expect(csvLine(["Dupont", "", "Lille ; Arras", 'dit "Jo"', "ligne\nsuivante", "retour\rchariot"])).toBe(
      'Dupont;;"Lille ; Arras";"dit ""Jo""";"ligne\nsuivante";"retour\rchariot"\r\n',
    );
  });

  it("reads back cell for cell with a real CSV parser, formulas neutralised", () => {
    const cells = ["=HYPERLINK(\"http://x\")", "+33 6 12 34 56 78", "-1", "@SUM(A1)", "\tTab", "Zoé ; Éloïse", 'guillemet " seul', "multi\r\nligne", "ordinaire"];
    const [row] = parse(csvLine(cells), { delimiter: ";" }) as string[][];
    expect(row).toEqual(["'=HYPERLINK(\"http://x\")", "'+33 6 12 34 56 78", "'-1", "'@SUM(A1)", "'\tTab", "Zoé ; Éloïse", 'guillemet " seul', "multi\r\nligne", "ordinaire"]);
  });

  it("streams a byte order mark and the header first, then every batch, in order", async () => {
    async function* batches() {
      yield [["1", "a;b"], ["2", "c"]];
      yield [];
      yield [["3", "=d"]];
    }
    const file = await text(csvFile(["N°", "Valeur"], batches(), "test.csv_failed"));
    expect(file.startsWith("\uFEFFN°;Valeur\r\n")).toBe(true);
    expect(parse(file.slice(1), { delimiter: ";" })).toEqual([["N°", "Valeur"], ["1", "a;b"], ["2", "c"], ["3", "'=d"]]);
  });

  it("stops reading the batches when the download is cancelled, and ends early on an error", async () => {
    let read = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          read += 1;
          yield Array.from({ length: 1000 }, (_, index) => [String(index), "x".repeat(100)]);
        }
      } finally {
        closed = true;
      }
    }
    const file = csvFile(["N°", "Valeur"], endless(), "test.csv_failed");
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Nobody reads: back-pressure holds the batches after the stream's buffer is full.
    expect(read).toBeLessThan(5);
    file.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);

    async function* failing() {
      yield [["1", "un"]];
      throw new Error("base perdue");
    }
    const broken = csvFile(["N°", "Valeur"], failing(), "test.csv_failed");
    await expect(text(broken)).rejects.toThrow("base perdue");
  });
});

describe("the exports' ranked choices", () => {
  it("come in rank order whatever order the database aggregated them in", () => {
    const labels = new Map([
      ["z1", "LILLE"],
      ["z2", "ARRAS"],
      ["z3", "DOUAI"],
    ]);
    expect(rankedOptions("z3,z1,z2", "3,1,2", labels)).toEqual([
      { id: "z1", label: "LILLE", rank: 1 },
      { id: "z2", label: "ARRAS", rank: 2 },
      { id: "z3", label: "DOUAI", rank: 3 },
    ]);
    expect(rankedOptions(null, null, labels)).toEqual([]);
  });
});
