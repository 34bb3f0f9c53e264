import { describe, expect, it } from "vitest";
import { csvCell, csvDocument, csvRow, neutraliseFormula } from "./csv-cell";

describe("csvCell", () => {
  it("neutralises what a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+1+2")).toBe("'+1+2");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
    expect(csvCell("\n=1")).toBe("\"'\n=1\"");
    expect(csvCell(-5)).toBe("'-5");
  });

  it("neutralises a formula behind leading whitespace, which spreadsheets trim", () => {
    expect(csvCell(" =1+1")).toBe("' =1+1");
    expect(csvCell("  @cmd")).toBe("'  @cmd");
    expect(neutraliseFormula("a=b")).toBe("a=b");
  });

  it("leaves ordinary text alone and quotes commas, quotes, line breaks and edge spaces", () => {
    expect(csvCell("ops@example.test")).toBe("ops@example.test");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell("padded ")).toBe('"padded "');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(12.5)).toBe("12.5");
  });

  it("keeps unicode as it is (item names in any script, emoji)", () => {
    expect(csvCell("★ StatTrak™ Karambit | Fade")).toBe("★ StatTrak™ Karambit | Fade");
    expect(csvCell("Пистолет, 🔥")).toBe('"Пистолет, 🔥"');
    expect(csvCell("＝not ascii")).toBe("＝not ascii");
  });

  it("joins a row with commas and ends it with CRLF", () => {
    expect(csvRow(["a", null, "=x"])).toBe("a,,'=x\r\n");
  });

  it("writes a document line by line, the same as rows joined", () => {
    const records = [["id", "name"], ["t-1", "=1"], ["t-2", "a,b"]];
    expect(csvDocument(records)).toBe(records.map(csvRow).join(""));
    expect(csvDocument([])).toBe("");
  });
});
