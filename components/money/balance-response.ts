// The browser's view of GET /api/assetpay/balance: parsed with zod at the edge like any outside data.
import { z } from "zod";

export const balanceResponseSchema = z.object({
  balance: z.number(),
  pendingBalance: z.number().nullable(),
  escrowBalance: z.number().nullable(),
  currency: z.string(),
  fetchedAt: z.string(),
});

export const balanceErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type BalanceResponse = z.infer<typeof balanceResponseSchema>;
