// @ts-check

// Headers that never change, on every response (pages, route handlers, assets). The page CSP depends
// on runtime configuration (the socket origin) and a per-request nonce, so proxy.ts sets it; route
// handlers answer JSON and get a CSP that allows nothing at all.
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors 'none' is in the CSP; this is the same for browsers that predate it.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The simulator and scripts are separate programs; keep them out of the app's type-check surface.
  typescript: { tsconfigPath: "tsconfig.json" },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

module.exports = nextConfig;
