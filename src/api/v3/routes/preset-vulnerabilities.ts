/**
 * A preset's vulnerabilities (Cisco's "Vulnerabilities"): the vulnerability-list, one row per
 * vulnerability and device (or device-less component) of the preset's scope, and the devices and
 * the device-less components ("orphans") of the scope a vulnerability affects; and their previews (POST /presets/preview/visualisations/…,
 * a PresetPayload not saved), which answer what the GET answers once the payload is saved.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VULNERABILITY_LIST_FIELDS } from '../../../domain/vulnerability.js';
import { checkId, found } from '../../kit.js';
import { format, sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { filterParam, listRequest, millis, page, size, sortParam } from '../params.js';
import { PREVIEW_ERRORS, PRESET_ERRORS, type ScopedPreset, componentsOf, presetId, presetOf, previewOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { PresetPreviewPayloadSchema } from '../schemas/preset-payload.js';
import { VulnerabilityListSchema } from '../schemas/vulnerability-list.js';
import { vulnerabilityForList } from '../serialize/vulnerability-list.js';

const ListQuery = z.object({ page, size, from: millis, to: millis, sort: sortParam(VULNERABILITY_LIST_FIELDS), filter: filterParam(VULNERABILITY_LIST_FIELDS), format });
// Cisco's preview lists no `format`.
const PreviewListQuery = ListQuery.omit({ format: true });
const WindowQuery = z.object({ from: millis, to: millis });
const ListParams = z.object({ preset_id: presetId });
const vulnId = doc(z.string(), { description: 'vulnerability id (uuid): the `id` of GET /vulnerabilities' });
const DevicesParams = z.object({ preset_id: presetId, vuln_id: vulnId });
const PreviewDevicesParams = z.object({ vuln_id: vulnId });
const UNKNOWN_VULNERABILITY = 'Vulnerability not found: 00000000-0000-4000-8000-000000000000';

const plugin: FastifyPluginAsyncZod = async (app) => {
  /** The vulnerability-list of a scoped preset, saved or previewed. */
  const vulnerabilityList = (preset: ScopedPreset, q: Partial<z.infer<typeof ListQuery>>, reply: FastifyReply) => {
    const req = listRequest(q);
    const l = app.lookups();
    return sendList(reply, req, { rows: app.store.vulnerabilities.listInScope(componentsOf(app, preset), req), serialize: (r) => vulnerabilityForList(r, l) }, q.format);
  };

  /** The devices of a scoped preset, saved or previewed, that a catalogue entry affects. */
  const devicesIds = (preset: ScopedPreset, rawVulnId: string, q: z.infer<typeof WindowQuery>) => {
    const id = checkId(rawVulnId, 'vulnerability');
    return found(app.store.vulnerabilities.devicesAffected(id, componentsOf(app, preset), listRequest(q)), 'Vulnerability', id);
  };

  /** The components without a device of a scoped preset, saved or previewed, that a catalogue entry affects. */
  const orphansIds = (preset: ScopedPreset, rawVulnId: string, q: z.infer<typeof WindowQuery>) => {
    const id = checkId(rawVulnId, 'vulnerability');
    return found(app.store.vulnerabilities.orphansAffected(id, componentsOf(app, preset), listRequest(q)), 'Vulnerability', id);
  };

  const ListAnswer = doc(VulnerabilityListSchema, { description: 'object successful' });
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/vulnerability-list',
      'One row per vulnerability and device the preset keeps (a device is kept when one of its components is), and per vulnerability and component without a device; ' +
        'the most severe first by default. `from`/`to` keep the components active in the window. FAR pages with size=100 until an empty page: a page past the end is [].',
    );
    app.get(
      url,
      { schema: { ...docs, params: ListParams, querystring: ListQuery, response: { 200: ListAnswer, ...errorResponses(PRESET_ERRORS) } } },
      async (request, reply) => vulnerabilityList(presetOf(app, request.params.preset_id), request.query, reply),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/vulnerability-list',
      'The vulnerability-list of a preset with this payload: what GET /presets/{preset_id}/visualisations/vulnerability-list answers once the payload is saved by POST /presets. Nothing is stored.',
    );
    app.post(
      url,
      { schema: { ...docs, body: PresetPreviewPayloadSchema, querystring: PreviewListQuery, response: { 200: ListAnswer, ...errorResponses(PREVIEW_ERRORS) } } },
      async (request, reply) => vulnerabilityList(previewOf(app, request.body), request.query, reply),
    );
  }

  const DevicesAnswer = doc(z.array(z.string()), { description: 'list of device ids.', example: ['86bc937a-19cf-5f0a-9b28-1f9a8347590e'] });
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/vulnerability-list/{vuln_id}/devices-ids',
      'The ids of the devices of the preset that the catalogue entry `vuln_id` affects (CDN ack_vuln acknowledges it on them), in id order.',
    );
    app.get(
      url,
      {
        schema: {
          ...docs,
          params: DevicesParams,
          querystring: WindowQuery,
          response: { 200: DevicesAnswer, ...errorResponses({ ...PRESET_ERRORS, notFound: UNKNOWN_VULNERABILITY }) },
        },
      },
      async (request) => devicesIds(presetOf(app, request.params.preset_id), request.params.vuln_id, request.query),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/vulnerability-list/{vuln_id}/devices-ids',
      'The ids of the devices of a preset with this payload that the catalogue entry `vuln_id` affects: what the GET answers once the payload is saved by POST /presets. Nothing is stored.',
    );
    app.post(
      url,
      {
        schema: {
          ...docs,
          params: PreviewDevicesParams,
          body: PresetPreviewPayloadSchema,
          querystring: WindowQuery,
          response: { 200: DevicesAnswer, ...errorResponses({ badRequest: 'Invalid vulnerability id: "x" is not a UUID', notFound: UNKNOWN_VULNERABILITY }) },
        },
      },
      async (request) => devicesIds(previewOf(app, request.body), request.params.vuln_id, request.query),
    );
  }

  // Cisco: "Orphan id list of a vulnerability for a given preset". An orphan is a component
  // without a device (the vulnerability-list's `countOrphanAffected`, its rows with a `component`).
  const OrphansAnswer = doc(z.array(z.string()), { description: 'list of ids.', example: ['86bc937a-19cf-5f0a-9b28-1f9a8347590e'] });
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/vulnerability-list/{vuln_id}/orphans-ids',
      'The ids of the components without a device of the preset that the catalogue entry `vuln_id` affects (as many as its vulnerability-list rows count in `countOrphanAffected`), in id order.',
    );
    app.get(
      url,
      {
        schema: {
          ...docs,
          params: DevicesParams,
          querystring: WindowQuery,
          // divergence: Cisco documents no 400 here; a malformed id or time answers it, as everywhere in 3.0.
          response: { 200: OrphansAnswer, ...errorResponses({ ...PRESET_ERRORS, notFound: UNKNOWN_VULNERABILITY }) },
        },
      },
      async (request) => orphansIds(presetOf(app, request.params.preset_id), request.params.vuln_id, request.query),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/vulnerability-list/{vuln_id}/orphans-ids',
      'The ids of the components without a device of a preset with this payload that the catalogue entry `vuln_id` affects: what the GET answers once the payload is saved by POST /presets. Nothing is stored.',
    );
    app.post(
      url,
      {
        schema: {
          ...docs,
          params: PreviewDevicesParams,
          body: PresetPreviewPayloadSchema,
          querystring: WindowQuery,
          response: { 200: OrphansAnswer, ...errorResponses({ badRequest: 'Invalid vulnerability id: "x" is not a UUID', notFound: UNKNOWN_VULNERABILITY }) },
        },
      },
      async (request) => orphansIds(previewOf(app, request.body), request.params.vuln_id, request.query),
    );
  }
};

export default plugin;
