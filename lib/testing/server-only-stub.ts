// Stand-in for the `server-only` marker package under vitest, which runs server modules outside Next.
export {};
