"use client";
// React context carrying the per-mount ops store. Client-only; holds no store itself (the provider
// creates one per mount), so server renders and other sessions never share state.
import { createContext } from "react";
import type { OpsStoreApi } from "./ops-store";

export const OpsStoreContext = createContext<OpsStoreApi | null>(null);
