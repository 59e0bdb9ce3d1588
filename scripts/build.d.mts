// The types of scripts/build.mjs, for the tests that import it (test/scripts/build.test.ts).
export function staleness(root?: string): string | undefined;
export function build(reason?: string): void;
export function buildIfStale(): void;
export function cli(args: string[]): void;
