/**
 * GET /dashboard/risk-score/devices/counts (Cisco's "Dashboard"): how many devices are at each
 * risk level (low below 40, medium below 70, high from 70), for this Center and in total; the
 * same scores as GET /devices. STE reads the values of the first nested object by position:
 * divergence: `total` comes first, its counts first (low, medium, high, total), then the Center.
 * Cisco: "enrolled local center ids for which we want the metrics" (`centerId`, UUIDs joined
 * with ',': 400 otherwise) and "number of centers sent in payload (default 5)" (`limit`). This
 * Center is the only one: listed unless `centerId` leaves it out.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UUID_RE } from '../../../domain/ids.js';
import { integer, scalar } from '../../params.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { RiskScoreDevicesCountResponseSchema } from '../schemas/devices.js';

/** What the Center calls itself in the widgets. divergence: the emulator has no Center name setting. */
export const CENTER_NAME = 'Center';

export const centerIds = scalar(
  z
    .string()
    .transform((s, ctx) => {
      const ids = s.split(',').map((id) => id.trim()).filter((id) => id !== '');
      const bad = ids.find((id) => !UUID_RE.test(id));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `"${bad}" is not a UUID` });
        return z.NEVER;
      }
      return ids.map((id) => id.toLowerCase());
    })
    .optional(),
);

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const { url, docs } = operation('GET', '/dashboard/risk-score/devices/counts', 'Devices by risk level: low (0-39), medium (40-69), high (70-100).');
  app.get(
    url,
    {
      schema: {
        ...docs,
        querystring: z.object({ centerId: centerIds, limit: scalar(integer(0).optional()) }),
        response: {
          200: doc(RiskScoreDevicesCountResponseSchema, { description: 'The counts, in total and per Center' }),
          ...errorResponses({ badRequest: 'Invalid query parameter "centerId": "x" is not a UUID' }),
        },
      },
    },
    async (request) => {
      const ours = store.settings.get('center.id') ?? '';
      const asked = request.query.centerId;
      const listed = asked === undefined || asked.length === 0 || asked.includes(ours.toLowerCase());
      const counts = listed ? store.devices.riskLevels() : { low: 0, medium: 0, high: 0, total: 0 };
      const center = { ...counts, centerId: ours, centerName: CENTER_NAME };
      const centers = listed ? [center].slice(0, request.query.limit ?? 5) : [];
      return { total: { ...counts, centerId: '', centerName: '' }, centers };
    },
  );
};

export default plugin;
