// The one NextAuth instance. Its config is built per request (lazy) so env() is never read at build time.
import "server-only";
import NextAuth from "next-auth";
import { authConfig } from "./config";

export const { auth, signIn, signOut, handlers } = NextAuth(() => authConfig());
