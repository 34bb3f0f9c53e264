// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The simulator and scripts are separate programs; keep them out of the app's type-check surface.
  typescript: { tsconfigPath: "tsconfig.json" },
};

module.exports = nextConfig;
