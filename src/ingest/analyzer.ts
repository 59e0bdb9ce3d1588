/**
 * The analyzer seam: what the ingest pipeline asks of each analyzer for a flow, and what an
 * analyzer may answer. The Knowledge DB is the first analyzer; the API's port and property
 * rules (guide 6.8) plug in after it. Analyzers are pure: only the pipeline writes.
 */
import type { Event, Properties, TagSet } from '../domain/types.js';
import type { NetworkCategory } from '../domain/vocabulary.js';
import { classify } from './knowledge-db.js';

export interface FlowView {
  ethertype: string | null;
  protocol: string | null;
  srcPort: number | null;
  dstPort: number | null;
  /** The flow's properties after this observation was merged in. */
  properties: Readonly<Properties>;
  tags: Readonly<TagSet>;
}

/** An event an analyzer asks for; the pipeline dates it and links it to the flow. */
export type EventSpec = Pick<Event, 'severity' | 'type' | 'family' | 'category' | 'shortMessage' | 'message'>;

export interface Effects {
  /** The last analyzer that sets a category wins. */
  networkCategory?: NetworkCategory;
  flowTags?: TagSet;
  srcTags?: TagSet;
  dstTags?: TagSet;
  srcProperties?: Properties;
  dstProperties?: Properties;
  events?: EventSpec[];
}

export type Analyzer = (flow: FlowView) => Effects;

/** The built-in Knowledge DB classification (ports, protocols, properties). */
export const knowledgeDbAnalyzer: Analyzer = (flow) => {
  const c = classify(flow);
  return { networkCategory: c.networkCategory, flowTags: c.flowTags, srcTags: c.srcTags, dstTags: c.dstTags };
};
