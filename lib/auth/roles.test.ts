import { describe, expect, it } from "vitest";
import { can, isStaffRole, STAFF_ROLES } from "./roles";

describe("roles", () => {
  it("gives a viewer nothing that changes state or reveals trade URLs", () => {
    for (const capability of ["act", "export", "see-trade-urls", "read-audit", "end-others-sessions"] as const) {
      expect(can("viewer", capability)).toBe(false);
    }
  });

  it("lets an operator act and export but not read the audit log", () => {
    expect(can("operator", "act")).toBe(true);
    expect(can("operator", "export")).toBe(true);
    expect(can("operator", "see-trade-urls")).toBe(true);
    expect(can("operator", "read-audit")).toBe(false);
    expect(can("operator", "end-others-sessions")).toBe(false);
  });

  it("lets an admin do everything", () => {
    expect(can("admin", "read-audit")).toBe(true);
    expect(can("admin", "end-others-sessions")).toBe(true);
    expect(can("admin", "act")).toBe(true);
  });

  it("recognises exactly the three roles", () => {
    expect(STAFF_ROLES.every(isStaffRole)).toBe(true);
    expect(isStaffRole("Admin")).toBe(false);
    expect(isStaffRole("root")).toBe(false);
    expect(isStaffRole(undefined)).toBe(false);
  });
});
