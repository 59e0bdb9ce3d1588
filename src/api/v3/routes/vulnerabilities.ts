/**
 * The vulnerability catalogue (Cisco's "Vulnerabilities"): GET /vulnerabilities, the Knowledge
 * DB's every entry (most match nothing in the plant), and one entry.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATALOGUE_FIELDS } from '../../../domain/vulnerability.js';
import { checkId, found } from '../../kit.js';
import { sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { filterParam, listRequest, page, size, sortParam } from '../params.js';
import { doc } from '../registry.js';
import { VulnerabilityDetailListSchema } from '../schemas/catalogue.js';
import { vulnerabilityDetail } from '../serialize/catalogue.js';

const ListQuery = z.object({ page, size, sort: sortParam(CATALOGUE_FIELDS), filter: filterParam(CATALOGUE_FIELDS) });
const Params = z.object({ id: doc(z.string(), { description: 'vulnerability id (uuid)' }) });

const plugin: FastifyPluginAsyncZod = async (app) => {
  {
    const { url, docs } = operation(
      'GET',
      '/vulnerabilities',
      'The whole catalogue without `page` and `size`. `filter=cve:CVE-2021-22681` finds a CVE (exact, without case: CDN and UZ); ' +
        'sorts on publishTime, CVSS, CVSSVersion, cve and title; the Knowledge DB\'s order by default. No from/to (Cisco\'s document has none here).',
    );
    app.get(
      url,
      {
        schema: {
          ...docs,
          querystring: ListQuery,
          response: { 200: doc(VulnerabilityDetailListSchema, { description: 'object successful' }), ...errorResponses({ badRequest: 'sort: cannot sort on "x": …' }) },
        },
      },
      async (request, reply) => {
        const req = listRequest(request.query);
        return sendList(reply, req, { rows: app.store.vulnerabilities.catalogue(req), serialize: vulnerabilityDetail });
      },
    );
  }
  {
    const { url, docs } = operation('GET', '/vulnerabilities/{id}', 'An array of the one entry (Cisco types it VulnerabilityDetailList).');
    app.get(
      url,
      {
        schema: {
          ...docs,
          params: Params,
          response: {
            200: doc(VulnerabilityDetailListSchema, { description: 'object successful' }),
            ...errorResponses({ badRequest: 'Invalid vulnerability id: "x" is not a UUID', notFound: 'Vulnerability not found: 00000000-0000-4000-8000-000000000000' }),
          },
        },
      },
      async (request) => {
        const id = checkId(request.params.id, 'vulnerability');
        return [vulnerabilityDetail(found(app.store.vulnerabilities.get(id), 'Vulnerability', id))];
      },
    );
  }
};

export default plugin;
