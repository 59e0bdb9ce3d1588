/**
 * GET /devices and GET /devices/{id} (Cisco's "Devices"): the devices the Center made of its
 * components, in full.
 *
 * clients.md section 3: without `page` and `size`, every device (OPS mccast and cred-var call it
 * so and expect all; CV 5.6's default page of 10 is a known trap, not copied), streamed: `large`
 * has about 95 000. README quirk 1: the answer is an array, though the document types one Device.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { checkId } from '../../kit.js';
import { scalar } from '../../params.js';
import { sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { listRequest, millis, page, size } from '../params.js';
import { doc } from '../registry.js';
import { DeviceSchema } from '../schemas/devices.js';
import { device } from '../serialize/devices.js';

/** Cisco: "include each device vulnerabilities" (a boolean). */
const withVulnerabilities = scalar(
  z
    .enum(['true', 'false'], { error: "must be 'true' or 'false'" })
    .transform((v) => v === 'true')
    .optional(),
);

const ID_EXAMPLE = '0491ad21-6cff-5906-a26b-95e04116e5cd';

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  const list = operation(
    'GET',
    '/devices',
    'Every device without `page` and `size` (streamed); `page` counts from 1, a page past the end is []. `from`/`to` (ms) keep the devices active at some time between them. `vulnerabilities=true` adds each device\'s vulnerabilities.',
  );
  app.get(
    list.url,
    {
      schema: {
        ...list.docs,
        querystring: z.object({ from: millis, to: millis, page, size, vulnerabilities: withVulnerabilities }),
        response: { 200: doc(z.array(DeviceSchema), { description: 'The devices, in id order' }), ...errorResponses({ badRequest: 'Invalid query: page: must be >= 1' }) },
      },
    },
    async (request, reply) => {
      const req = listRequest(request.query);
      const l = app.lookups();
      const withVulns = request.query.vulnerabilities === true;
      const devices = store.devices.list({ from: req.from, to: req.to, window: req.window });
      return sendList(reply, req, { rows: store.deviceDetails.inChunks(devices), serialize: (x) => device(x, l, withVulns) });
    },
  );

  const one = operation(
    'GET',
    '/devices/{id}',
    'One device. Cisco: "a uuid sequence with \';\' as separator (none if there is only one id)": several ids answer an array of their devices (divergence: the document types one Device).',
  );
  app.get(
    one.url,
    {
      schema: {
        ...one.docs,
        params: z.object({ id: z.string() }),
        response: {
          200: doc(z.union([DeviceSchema, z.array(DeviceSchema)]), { description: 'The device (an array of them for several ids)' }),
          ...errorResponses({ badRequest: `Invalid device id: "x" is not a UUID`, notFound: `Device not found: ${ID_EXAMPLE}` }),
        },
      },
    },
    async (request) => {
      const ids = request.params.id.split(';').map((id) => checkId(id, 'device'));
      const found = ids.map((id) => {
        const d = store.devices.get(id);
        if (!d) throw errors.notFound('Device', id);
        return d;
      });
      const l = app.lookups();
      const answers = store.deviceDetails.of(found).map((x) => device(x, l, false));
      return ids.length === 1 ? answers[0] : answers;
    },
  );
};

export default plugin;
