import { PassThrough, type Readable } from "node:stream";
import { logger } from "../logger";

/**
 * The staff's CSV files (the applications' export, the journal's): as French Excel opens them,
 * UTF-8 with a byte order mark, ";" between cells, CRLF after each line; a cell holding ";", a
 * quote or a line break is quoted with its quotes doubled (RFC 4180). Written here rather than
 * with csv-stringify: that library took 12 µs per line of 23 cells, where this takes 2.7, so a
 * fifth of a 150 000-row export went to it; the dialect is these few lines, parsed back by
 * csv-parse in the tests.
 */

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, and tab or carriage return that
 * some spreadsheets strip first) starts with an apostrophe: shown as typed, never evaluated
 * (OWASP "CSV injection"). XLSX cells are typed as text already and need nothing.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const needsQuotes = /[;"\n\r]/;

/** One line of the file, every cell neutralised, CRLF included. */
export function csvLine(cells: readonly string[]): string {
  let line = "";
  for (let index = 0; index < cells.length; index++) {
    const cell = neutralise(cells[index]!);
    if (index > 0) line += ";";
    line += needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${line}\r\n`;
}

/**
 * Waits until one of `streams` wants more, or is gone (the download was cancelled): never
 * forever. Whichever answers first, the others' listeners are removed.
 */
export function room(...streams: (NodeJS.WritableStream & { destroyed: boolean })[]): Promise<void> {
  if (streams.some((stream) => stream.destroyed)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      for (const stream of streams) {
        stream.off("drain", done);
        stream.off("close", done);
      }
      resolve();
    };
    for (const stream of streams) {
      stream.once("drain", done);
      stream.once("close", done);
    }
  });
}

/**
 * A CSV file streamed as its batches come: byte order mark and header first, then each batch's
 * lines in one write, so a chunk of a few hundred kilobytes (not one per line) crosses the web
 * stream, the response compression and the socket. A slow download pauses the reading
 * (back-pressure); a cancelled one stops it, which closes the batches' cursor. An error ends
 * the file early and is logged under `event`.
 */
export function csvFile(header: readonly string[], batches: AsyncIterable<readonly (readonly string[])[]>, event: string): Readable {
  const output = new PassThrough();
  output.write(`\uFEFF${csvLine(header)}`);
  void (async () => {
    try {
      for await (const lines of batches) {
        if (output.destroyed) return; // the download was cancelled: stop reading the database
        let text = "";
        for (const cells of lines) text += csvLine(cells);
        if (!output.write(text)) await room(output);
      }
      output.end();
    } catch (error) {
      logger.error(event, { format: "csv", error });
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return output;
}
