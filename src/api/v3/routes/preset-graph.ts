/**
 * A preset's graph map (Cisco's "Graph"): GET /presets/{preset_id}/visualisations/graph/{format}
 * and its preview POST /presets/preview/visualisations/graph/{format}, one view function of the
 * scoped preset. The nodes are the preset's networknode-list (devices, and components without
 * one), the edges its activity-list (`source` the left node, `target` the right one).
 * divergence: Cisco names no format; `json` is its GraphResponse (cytoscape elements, as its Graph
 * schema, with `allNetworkActivities` counting them; no thresholds, aggregated view or zones), `graphml`, `gexf` and `dot` the same nodes and edges in those languages (labels escaped).
 * The preview answers the GraphResponse too (Cisco types it a bare Graph), so that it answers what
 * the GET answers once saved. The document has no paging: the answer is streamed as the nodes and
 * edges are read, a chunk at a time, so the server never holds the whole document.
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, operation } from '../kit.js';
import { windowParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { PREVIEW_ERRORS, PRESET_ERRORS, type ScopedPreset, presetId, presetOf, previewOf, scopeOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { PresetPreviewPayloadSchema } from '../schemas/preset-payload.js';
import { networkNode } from '../serialize/network-nodes.js';

export const GRAPH_FORMATS = ['json', 'graphml', 'gexf', 'dot'] as const;
type GraphFormat = (typeof GRAPH_FORMATS)[number];
const FORMAT_ERROR = `must be one of ${GRAPH_FORMATS.map((f) => `'${f}'`).join(', ')}`;
const format = doc(z.enum(GRAPH_FORMATS, { error: FORMAT_ERROR }), { description: `graph format: ${GRAPH_FORMATS.join(', ')}` });
const Query = z.object(windowParams);
const TYPES: Record<GraphFormat, string> = { json: 'application/json; charset=utf-8', graphml: 'application/xml; charset=utf-8', gexf: 'application/xml; charset=utf-8', dot: 'text/vnd.graphviz; charset=utf-8' };

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const dot = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

interface GNode {
  id: string;
  name: string;
  isDevice: boolean;
}
interface GEdge {
  id: string;
  source: string;
  target: string;
}

/** The document, piece by piece. */
function* render(f: GraphFormat, nodes: Iterable<GNode>, edges: Iterable<GEdge>): Generator<string> {
  const sep = (i: number) => (i === 0 ? '' : ',');
  if (f === 'json') {
    yield '{"graph":{"nodes":[';
    let i = 0;
    for (const n of nodes) yield `${sep(i++)}${JSON.stringify({ group: 'nodes', classes: n.isDevice ? 'device' : 'component', data: { id: n.id, name: n.name } })}`;
    yield '],"edges":[';
    let j = 0;
    for (const e of edges) yield `${sep(j++)}${JSON.stringify({ group: 'edges', classes: 'activity', data: { id: e.id, source: e.source, target: e.target } })}`;
    yield `]},"allNetworkActivities":{"nbNodes":${i},"nbEdges":${j},"showable":true}}`;
  } else if (f === 'graphml') {
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n';
    yield '<key id="name" for="node" attr.name="name" attr.type="string"/>\n<key id="isDevice" for="node" attr.name="isDevice" attr.type="boolean"/>\n<graph id="G" edgedefault="undirected">\n';
    for (const n of nodes) yield `<node id="${xml(n.id)}"><data key="name">${xml(n.name)}</data><data key="isDevice">${n.isDevice}</data></node>\n`;
    for (const e of edges) yield `<edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"/>\n`;
    yield '</graph>\n</graphml>\n';
  } else if (f === 'gexf') {
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph defaultedgetype="undirected">\n<nodes>\n';
    for (const n of nodes) yield `<node id="${xml(n.id)}" label="${xml(n.name)}"/>\n`;
    yield '</nodes>\n<edges>\n';
    for (const e of edges) yield `<edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"/>\n`;
    yield '</edges>\n</graph>\n</gexf>\n';
  } else {
    yield 'graph preset {\n';
    for (const n of nodes) yield `  ${dot(n.id)} [label=${dot(n.name)}];\n`;
    for (const e of edges) yield `  ${dot(e.source)} -- ${dot(e.target)} [id=${dot(e.id)}];\n`;
    yield '}\n';
  }
}

const plugin: FastifyPluginAsyncZod = async (app) => {
  /** The graph of a scoped preset, saved or previewed, streamed. */
  const graph = (preset: ScopedPreset, f: GraphFormat, q: z.infer<typeof Query>, reply: FastifyReply) => {
    const scope = scopeOf(app, preset);
    const { from, to } = listRequest(q);
    const req = { sort: [] as never[], filters: [] as never[], ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
    const l = app.lookups();
    const ctx = { networks: app.store.customNetworks.list() };
    const nodes = (function* () {
      for (const n of app.store.networkNodes.list(scope, req)) {
        const w = networkNode(n, ctx, l);
        yield { id: w.id, name: w.label, isDevice: n.isDevice };
      }
    })();
    const edges = (function* () {
      for (const a of app.store.activities.nodeList(req, scope)) yield { id: a.id, source: a.left.id, target: a.right.id };
    })();
    return reply.type(TYPES[f]).send(Readable.from(render(f, nodes, edges)));
  };

  const Answer = doc(z.unknown(), { description: 'success: the graph in the format asked' });
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/graph/{format}',
      "The preset's graph: its networknode-list as nodes, its activity-list as edges (`from`/`to` as those lists take them), in `json` (cytoscape elements), `graphml`, `gexf` or `dot`; streamed, no paging.",
    );
    app.get(
      url,
      { schema: { ...docs, params: z.object({ preset_id: presetId, format }), querystring: Query, response: { 200: Answer, ...errorResponses({ ...PRESET_ERRORS, badRequest: `Invalid path parameter "format": ${FORMAT_ERROR}` }) } } },
      async (request, reply) => graph(presetOf(app, request.params.preset_id), request.params.format, request.query, reply),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/graph/{format}',
      'The graph of a preset with this payload: what GET /presets/{preset_id}/visualisations/graph/{format} answers once the payload is saved by POST /presets. Nothing is stored.',
    );
    app.post(
      url,
      { schema: { ...docs, params: z.object({ format }), body: PresetPreviewPayloadSchema, querystring: Query, response: { 200: Answer, ...errorResponses(PREVIEW_ERRORS) } } },
      async (request, reply) => graph(previewOf(app, request.body), request.params.format, request.query, reply),
    );
  }
};

export default plugin;
