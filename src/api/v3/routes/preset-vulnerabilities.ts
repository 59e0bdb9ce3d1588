/**
 * A preset's vulnerabilities (Cisco's "Vulnerabilities"): the vulnerability-list, one row per
 * vulnerability and device (or device-less component) of the preset's scope, and the devices of
 * the scope a vulnerability affects.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VULNERABILITY_LIST_FIELDS } from '../../../domain/vulnerability.js';
import { checkId, found } from '../../kit.js';
import { format, sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { filterParam, listRequest, millis, page, size, sortParam } from '../params.js';
import { PRESET_ERRORS, presetId, presetScopeOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { VulnerabilityListSchema } from '../schemas/vulnerability-list.js';
import { vulnerabilityForList } from '../serialize/vulnerability-list.js';

const ListQuery = z.object({ page, size, from: millis, to: millis, sort: sortParam(VULNERABILITY_LIST_FIELDS), filter: filterParam(VULNERABILITY_LIST_FIELDS), format });
const WindowQuery = z.object({ from: millis, to: millis });
const ListParams = z.object({ preset_id: presetId });
const DevicesParams = z.object({ preset_id: presetId, vuln_id: doc(z.string(), { description: 'vulnerability id (uuid): the `id` of GET /vulnerabilities' }) });

const plugin: FastifyPluginAsyncZod = async (app) => {
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/vulnerability-list',
      'One row per vulnerability and device the preset keeps (a device is kept when one of its components is), and per vulnerability and component without a device; ' +
        'the most severe first by default. `from`/`to` keep the components active in the window. FAR pages with size=100 until an empty page: a page past the end is [].',
    );
    app.get(
      url,
      {
        schema: {
          ...docs,
          params: ListParams,
          querystring: ListQuery,
          response: { 200: doc(VulnerabilityListSchema, { description: 'object successful' }), ...errorResponses(PRESET_ERRORS) },
        },
      },
      async (request, reply) => {
        const { componentIds } = presetScopeOf(app, request.params.preset_id);
        const req = listRequest(request.query);
        const l = app.lookups();
        return sendList(reply, req, { rows: app.store.vulnerabilities.listInScope(componentIds, req), serialize: (r) => vulnerabilityForList(r, l) }, request.query.format);
      },
    );
  }
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
          response: {
            200: doc(z.array(z.string()), { description: 'list of device ids.', example: ['86bc937a-19cf-5f0a-9b28-1f9a8347590e'] }),
            ...errorResponses({ ...PRESET_ERRORS, notFound: 'Vulnerability not found: 00000000-0000-4000-8000-000000000000' }),
          },
        },
      },
      async (request) => {
        const { componentIds } = presetScopeOf(app, request.params.preset_id);
        const id = checkId(request.params.vuln_id, 'vulnerability');
        return found(app.store.vulnerabilities.devicesAffected(id, componentIds, listRequest(request.query)), 'Vulnerability', id);
      },
    );
  }
};

export default plugin;
