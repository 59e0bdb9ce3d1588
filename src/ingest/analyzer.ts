/**
 * The analyzers ingest runs on every flow, in order: the built-in Knowledge DB first, then the
 * API's rules (src/engine/evaluate.ts). The seam's types live in src/engine/effects.ts.
 */
import type { Analyzer } from '../engine/effects.js';
import { compileRules, rulesAnalyzer } from '../engine/evaluate.js';
import type { Store } from '../store/store.js';
import { classify, credentialsOf } from './knowledge-db.js';

export type { Analyzer, Effects, EventSpec, FlowView } from '../engine/effects.js';

/** The built-in Knowledge DB classification (ports, protocols, properties), and the credentials it reads in clear. */
export const knowledgeDbAnalyzer: Analyzer = (flow) => {
  const c = classify(flow);
  const credentials = credentialsOf(flow.properties);
  return credentials
    ? { networkCategory: c.networkCategory, flowTags: c.flowTags, srcTags: c.srcTags, dstTags: c.dstTags, dstCredentials: credentials }
    : { networkCategory: c.networkCategory, flowTags: c.flowTags, srcTags: c.srcTags, dstTags: c.dstTags };
};

/**
 * The API's port and property rules as analyzers, compiled again only after a rule changed: a
 * rule written through the API, or by another process on the same file, applies to every flow
 * ingested after it.
 */
export function storedRules(store: Store): () => Analyzer[] {
  let compiled: { key: string; analyzers: Analyzer[] } | undefined;
  return () => {
    const key = `${store.propertyRules.version()}:${store.portRules.version()}`;
    if (compiled?.key !== key) {
      const rules = compileRules(store.propertyRules.list(), store.portRules.list());
      compiled = { key, analyzers: rules.port.length + rules.property.length > 0 ? [rulesAnalyzer(rules)] : [] };
    }
    return compiled.analyzers;
  };
}
