// The server's side of the one CSV writer (./csv-cell.ts): the same csv-stringify options as a Node
// transform stream, so a large export is written record by record with backpressure instead of being
// built in memory. Server only (Node streams).
import "server-only";
import { type Options, type Stringifier, stringify } from "csv-stringify";
import { CSV_WRITER_OPTIONS } from "./csv-cell";

/** A stream taking records (arrays of CsvValue) and giving CSV text, CRLF-terminated lines. */
export function csvStream(buffering: Pick<Options, "writableHighWaterMark" | "readableHighWaterMark"> = {}): Stringifier {
  return stringify({ ...CSV_WRITER_OPTIONS, ...buffering });
}
