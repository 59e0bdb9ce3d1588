/**
 * External communications (Cisco's "ExternalCommunication"): the flows between a network node
 * (a device or a component) and a public address, the latest first. One route for both kinds of
 * node, as Cisco declares it; an array although Cisco types one object (spec/v3 README quirk 1).
 * OPS security-insight-details reads `[0].sourceIP`, `lastSeen`, `sentByDevice`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ExternalCommunication } from '../../../domain/external-communications.js';
import { EXTERNAL_COMMUNICATION_FIELDS } from '../../../domain/list-fields.js';
import { listInMemory } from '../../../domain/list-in-memory.js';
import { checkId, found } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { listParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { doc } from '../registry.js';
import { ExternalCommunicationSchema } from '../schemas/component-relations.js';
import { externalCommunication } from '../serialize/component-relations.js';

/** Cisco's document's sort and filter fields, as the wire shows them (lastSeen in µs, as `from`/`to`). */
const SHAPE = {
  fields: EXTERNAL_COMMUNICATION_FIELDS,
  value: {
    externalIP: (x: ExternalCommunication) => x.externalIp,
    internalIP: (x: ExternalCommunication) => x.internalIp,
    serverPort: (x: ExternalCommunication) => (x.serverPort === null ? '' : String(x.serverPort)),
    hostname: (x: ExternalCommunication) => x.hostname,
    protocol: (x: ExternalCommunication) => x.protocol,
    direction: (x: ExternalCommunication) => x.direction,
    receivedByDevice: (x: ExternalCommunication) => x.receivedBytes,
    sentByDevice: (x: ExternalCommunication) => x.sentBytes,
    lastSeen: (x: ExternalCommunication) => x.lastSeen,
  },
};

const Params = z.object({
  type: z.enum(['devices', 'components'], { error: "must be 'devices' or 'components'" }),
  id: doc(z.string(), { description: 'The device or component id (a UUID).' }),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { url, docs } = operation('GET', '/{type}/{id}/externalCommunications', 'Without `page` and `size`, every one.');
  app.get(
    url,
    {
      schema: {
        ...docs,
        params: Params,
        querystring: z.object(listParams(EXTERNAL_COMMUNICATION_FIELDS)),
        response: {
          200: doc(z.array(ExternalCommunicationSchema), { description: 'Its external communications, the latest first' }),
          ...errorResponses({ badRequest: 'Invalid path parameter "type": must be \'devices\' or \'components\'', notFound: 'Device not found: 00000000-0000-4000-8000-000000000000' }),
        },
      },
    },
    async (request) => {
      const { type } = request.params;
      const id = checkId(request.params.id, type === 'devices' ? 'device' : 'component');
      let rows: ExternalCommunication[];
      if (type === 'devices') {
        found(app.store.devices.get(id), 'Device', id);
        rows = app.store.externalCommunications.ofDevice(id);
      } else {
        found(app.store.components.rowid(id), 'Component', id);
        rows = app.store.externalCommunications.ofComponent(id);
      }
      return listInMemory(rows, listRequest(request.query), SHAPE).map(externalCommunication);
    },
  );
};

export default plugin;
