// The types of scripts/build.mjs, for the tests that import it (test/scripts/build.test.ts, bundle.test.ts).
export function staleness(root?: string): string | undefined;
export function build(reason?: string): Promise<void>;
export function buildIfStale(): Promise<void>;
export function cli(args: string[]): Promise<void>;
