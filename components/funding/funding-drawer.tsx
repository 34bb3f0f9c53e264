"use client";
// The funding detail drawer (components/ui/side-drawer.tsx), named by its heading; the URL (`item=`)
// drives opening and closing.
import { DrawerHeader, SideDrawer } from "@/components/ui/side-drawer";
import type { Funding } from "@/lib/trades/types";
import { FundingDetails } from "./funding-details";

interface FundingDrawerProps {
  id: string | null;
  funding: Funding | undefined;
  stuckReason: string | undefined;
  onClose: () => void;
}

export function FundingDrawer({ id, funding, stuckReason, onClose }: FundingDrawerProps) {
  const header = (title: string) => <DrawerHeader id="funding-drawer-title" title={title} closes="funding details" onClose={onClose} />;
  return (
    <SideDrawer open={id !== null} labelledBy="funding-drawer-title" onClose={onClose}>
      {id === null ? null : funding ? (
        <FundingDetails funding={funding} stuckReason={stuckReason} header={header} />
      ) : (
        <div className="flex h-full flex-col">
          {header("Funding item not on this page")}
          <p className="px-5 text-sm text-slate-300">
            This page does not hold funding item <code className="break-all font-mono">{id}</code>: it was not recorded since the store&apos;s
            retention window, or it is still loading.
          </p>
        </div>
      )}
    </SideDrawer>
  );
}
