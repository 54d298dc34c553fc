import { PassThrough } from "node:stream";
import { setImmediate as tick } from "node:timers/promises";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { room } from "@/lib/staff/csv";
import { behind, compressorOf } from "@/lib/staff/exports";

describe("a streamed XLSX sheet and its zip", () => {
  it("finds where the sheet writes, sees when the zip is behind, and when it has caught up", async () => {
    const output = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet("Candidatures");
    sheet.columns = [{ header: "Nom", key: "Nom" }];
    sheet.getRow(1).commit();
    await tick();
    // ExcelJS writes into the zip whether or not it keeps up: the export waits on this stream.
    const compressor = compressorOf(sheet);
    expect(compressor).toBeDefined();
    for (let index = 0; index < 2000; index++) sheet.addRow({ Nom: `Candidate ${index} ${"x".repeat(200)}` }).commit();
    expect(behind(compressor!)).toBe(true);
    // Once the file is read, the zip takes the rows and asks for more.
    output.resume();
    await room(compressor!);
    expect(behind(compressor!)).toBe(false);
    sheet.commit();
    await workbook.commit();
  });

  it("waits for whichever stream answers first, and leaves no listener on the others", async () => {
    const zip = new PassThrough({ highWaterMark: 16 });
    const download = new PassThrough();
    zip.write("x".repeat(64));
    const waited = room(zip, download);
    download.destroy(); // the download is cancelled while the zip is behind
    await waited;
    expect([zip.listenerCount("drain"), zip.listenerCount("close"), download.listenerCount("drain")]).toEqual([0, 0, 0]);
  });
});
