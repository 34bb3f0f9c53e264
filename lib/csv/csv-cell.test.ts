import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv-cell";

describe("csvCell", () => {
  it("neutralises what a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+1+2")).toBe("'+1+2");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
  });

  it("leaves ordinary text alone and quotes commas, quotes, line breaks and edge spaces", () => {
    expect(csvCell("ops@example.test")).toBe("ops@example.test");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("joins a row with commas and ends it with CRLF", () => {
    expect(csvRow(["a", null, "=x"])).toBe("a,,'=x\r\n");
  });
});
