/**
 * The 3.0 routes against Cisco's document (fixtures/v3/operations.json): every operation of
 * Cisco's is served, and every operation served is one of Cisco's, with the same method, path
 * and parameter names; the README says how many.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILES } from '../../../src/cli/openapi.js';
import { CISCO_OPERATIONS } from '../../../src/api/v3/operations.js';

interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string }[];
}
const served = JSON.parse(readFileSync(OPENAPI_FILES['3.0'], 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const ops = Object.entries(served.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path: path.replace(/^\/api\/3\.0/, ''), op })));

describe("the 3.0 operations served, against Cisco's document", () => {
  it('holds Cisco 184 operations in the fixture', () => {
    expect(CISCO_OPERATIONS).toHaveLength(184);
  });

  it('serves every one of them', () => {
    const servedKeys = new Set(ops.map((o) => `${o.method} ${o.path}`));
    expect(CISCO_OPERATIONS.map((c) => `${c.method} ${c.path}`).filter((key) => !servedKeys.has(key))).toEqual([]);
    expect(servedKeys.size).toBe(CISCO_OPERATIONS.length);
  });

  it("leave the README's count of served operations right", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`**${ops.length} of its ${CISCO_OPERATIONS.length} operations**`);
    expect(readme).toContain(`\`openapi/openapi-3.0.json\` (${ops.length})`);
  });

  it.each(ops.map((o) => [`${o.method} ${o.path}`, o] as const))('%s is an operation of Cisco, with its operationId and parameter names', (_, { method, path, op }) => {
    const cisco = CISCO_OPERATIONS.find((c) => c.method === method && c.path === path);
    expect(cisco, `${method} ${path} is not in Cisco's document`).toBeDefined();
    expect(op.operationId).toBe(cisco?.operationId);
    const names = (where: string) => (op.parameters ?? []).filter((p) => p.in === where).map((p) => p.name).sort();
    expect(names('path')).toEqual([...(cisco?.pathParams ?? [])].sort());
    for (const q of names('query')) expect(cisco?.query, `${method} ${path}: query parameter ${q}`).toContain(q);
  });
});
