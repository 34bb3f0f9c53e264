import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { requestAtHost } from "@/lib/auth/request-at-host";

export const GET = (request: NextRequest) => handlers.GET(requestAtHost(request));
export const POST = (request: NextRequest) => handlers.POST(requestAtHost(request));
