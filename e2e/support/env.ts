// Values the global setup hands to the specs through the environment.
export function e2eEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs through Playwright's global setup.`);
  return value;
}
