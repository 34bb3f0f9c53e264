"use client";
// While the table is paused, rows read their trade from the pause buffer (lib/store/frozen-view.ts)
// instead of the live store; null while live. Changes only when a pause begins, is applied or ends.
import { createContext } from "react";
import type { StoredTrade } from "@/lib/store/state";

export const FrozenRecordsContext = createContext<ReadonlyMap<string, StoredTrade> | null>(null);
