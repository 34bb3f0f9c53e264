import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { T0 } from "@/lib/trades/test-fixtures";
import { OpsStoreProvider } from "./ops-store-provider";
import { selectConnection, selectTradeCount } from "./selectors";
import { useOpsStore, useOpsStoreApi } from "./use-ops-store";

function Probe() {
  const count = useOpsStore(selectTradeCount);
  const connection = useOpsStore(selectConnection);
  const api = useOpsStoreApi();
  return createElement("p", null, `${connection.state}:${count}:${api.getState().retention.cap}`);
}

describe("OpsStoreProvider", () => {
  it("gives each mount its own store with the given options", () => {
    // A .ts test has no JSX, and the provider's props type requires `children` as a prop.
    // eslint-disable-next-line react/no-children-prop
    const tree = createElement(OpsStoreProvider, { options: { now: T0, retentionCap: 7 }, children: createElement(Probe) });
    const html = renderToString(tree);
    expect(html).toContain("connecting:0:7");
  });

  it("fails loudly when a component reads the store outside the provider", () => {
    expect(() => renderToString(createElement(Probe))).toThrow("inside <OpsStoreProvider>");
  });
});
