"use client";
// The trade detail drawer (components/ui/side-drawer.tsx), named by its heading. Closing hands focus
// back to the row that opened it (see onClosed).
import { SideDrawer } from "@/components/ui/side-drawer";
import { TradeDetails } from "./trade-details";

interface TradeDrawerProps {
  id: string | null;
  onClose: () => void;
}

export function TradeDrawer({ id, onClose }: TradeDrawerProps) {
  return (
    <SideDrawer open={id !== null} labelledBy="trade-drawer-title" onClose={onClose}>
      {id !== null ? <TradeDetails id={id} onClose={onClose} /> : null}
    </SideDrawer>
  );
}
