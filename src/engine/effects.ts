/**
 * What an analyzer reads of a flow and what it may answer. Analyzers (the Knowledge DB, the
 * API's port and property rules) are pure; only the ingest pipeline applies their effects.
 */
import type { CredentialSpec } from '../domain/credentials.js';
import type { Event, Properties, TagSet } from '../domain/types.js';
import type { NetworkCategory } from '../domain/vocabulary.js';

export interface FlowView {
  ethertype: string | null;
  protocol: string | null;
  srcPort: number | null;
  dstPort: number | null;
  /** The flow's properties after this observation was merged in. */
  properties: Readonly<Properties>;
  tags: Readonly<TagSet>;
}

/** An event an analyzer asks for; the pipeline dates it and links it to the flow and its components. */
export type EventSpec = Pick<Event, 'severity' | 'type' | 'family' | 'category' | 'shortMessage' | 'message'>;

/** Component property writes, in order: a string sets, null removes. */
export type PropertyChanges = Record<string, string | null>;

export interface Effects {
  /** The last analyzer (and, within one, the last action) that sets a category wins. */
  networkCategory?: NetworkCategory;
  flowTags?: TagSet;
  srcTags?: TagSet;
  dstTags?: TagSet;
  srcProperties?: PropertyChanges;
  dstProperties?: PropertyChanges;
  events?: EventSpec[];
  /** Credentials the flow carries in clear, accepted by its server (the destination). */
  dstCredentials?: CredentialSpec[];
}

export type Analyzer = (flow: FlowView) => Effects;
