/**
 * What Cisco's "Devices" shows over a device's components: the activities they take part in
 * (GET /devices/{id}/activities: the rows of GET /activities with one of them at an end), those
 * activities' tags, counted (GET /devices/{id}/activities/tags), and one vulnerability in detail
 * (GET /devices/{device_id}/vulnerabilities/{vulnerability_id}: the row of
 * GET /devices/{id}/vulnerabilities for that entry, in Cisco's device form). Cisco's `id`: "a uuid
 * sequence with ';' as separator (none if there is only one id)".
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACTIVITY_FIELDS } from '../../../domain/list-fields.js';
import { unionOfMatches } from '../../../domain/vulnerability.js';
import { errors } from '../../../errors.js';
import { checkId } from '../../kit.js';
import { sendList } from '../answer.js';
import { inChunks } from '../chunks.js';
import { errorResponses, operation } from '../kit.js';
import { listParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { doc } from '../registry.js';
import { activityRows } from '../activity-rows.js';
import { ActivitySchema } from '../schemas/activities.js';
import { DetailedTagsSchema } from '../schemas/tags.js';
import { JsonVulnerabilityFullInfosForDeviceSchema } from '../schemas/vulnerability-infos.js';
import { countedTag } from '../serialize/tags.js';
import { vulnerabilityFullInfosForDevice } from '../serialize/vulnerability-infos.js';

const ID_EXAMPLE = '0491ad21-6cff-5906-a26b-95e04116e5cd';
const Params = z.object({ id: doc(z.string(), { description: "The device id (a UUID), or several joined with ';'." }) });
const failures = (badRequest: string) => errorResponses({ badRequest, notFound: `Device not found: ${ID_EXAMPLE}` });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  /** The component rowids of the devices an id names: 400 for a malformed id, 404 for an unknown device. */
  function componentsOf(raw: string): number[] {
    return raw.split(';').flatMap((part) => {
      const id = checkId(part, 'device');
      const components = store.activityViews.componentsOfDevice(id);
      if (components === undefined) throw errors.notFound('Device', id);
      return components;
    });
  }


  const activities = operation(
    'GET',
    '/devices/{id}/activities',
    "The activities one of its components is an end of, as GET /activities gives them (of each device, for several ids). Without `page` and `size`, every one. README quirk 1: an array, though Cisco types one Activity.",
  );
  app.get(
    activities.url,
    {
      schema: {
        ...activities.docs,
        params: Params,
        querystring: z.object(listParams(ACTIVITY_FIELDS)),
        response: { 200: doc(z.array(ActivitySchema), { description: 'Its activities' }), ...failures('Invalid query parameter "size": must be >= 1') },
      },
    },
    async (request, reply) => {
      const components = componentsOf(request.params.id);
      const req = listRequest(request.query);
      const l = app.lookups();
      return sendList(reply, req, { rows: inChunks(store.activities.list(req, components), (chunk) => activityRows(store, chunk, l)), serialize: (x) => x });
    },
  );

  const tags = operation(
    'GET',
    '/devices/{id}/activities/tags',
    'The tags of its activities, each with how many of them carry it (`nbOccurences`): the union of the tags GET /devices/{id}/activities shows. README quirk 1: an array, though Cisco types one DetailedTag.',
  );
  app.get(
    tags.url,
    {
      schema: {
        ...tags.docs,
        params: Params,
        response: { 200: doc(DetailedTagsSchema, { description: 'The tags of its activities, by id' }), ...failures('Invalid device id: "x" is not a UUID') },
      },
    },
    async (request) => {
      const components = componentsOf(request.params.id);
      const l = app.lookups();
      return store.activityViews.activityTags(components).map((t) => countedTag(t, l));
    },
  );

  const detail = operation(
    'GET',
    '/devices/{device_id}/vulnerabilities/{vulnerability_id}',
    "The entry as its components match it (the earliest match, every reason), with the device's acknowledgement on each affected component. 404 when the device is unknown, or the entry is unknown or matches none of its components.",
  );
  app.get(
    detail.url,
    {
      schema: {
        ...detail.docs,
        params: z.object({
          device_id: doc(z.string(), { description: 'device id (uuid)' }),
          vulnerability_id: doc(z.string(), { description: 'vulnerability id (uuid)' }),
        }),
        response: {
          200: doc(JsonVulnerabilityFullInfosForDeviceSchema, { description: 'vulnerability detail' }),
          ...errorResponses({ badRequest: 'Invalid vulnerability id: "x" is not a UUID', notFound: 'Vulnerability not found: 00000000-0000-4000-8000-000000000000' }),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.device_id, 'device');
      const vid = checkId(request.params.vulnerability_id, 'vulnerability');
      const components = store.devices.components(id);
      if (components === undefined) throw errors.notFound('Device', id);
      // divergence: an entry that matches none of the device's components is not found for it.
      const matches = store.vulnerabilities.matchesOf(components.map((c) => c.id)).filter((m) => m.vulnerability.id === vid);
      const merged = unionOfMatches(matches)[0];
      if (!merged) throw errors.notFound('Vulnerability', vid);
      const ack = store.vulnerabilities.acksOf(id).find((a) => a.cve === merged.vulnerability.cve);
      // The affected components in the device's order (as Device.components lists them).
      const affected = new Set(matches.map((m) => m.componentId));
      return vulnerabilityFullInfosForDevice(merged, components.map((c) => c.id).filter((cid) => affected.has(cid)), ack);
    },
  );
};

export default plugin;
