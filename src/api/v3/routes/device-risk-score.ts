/**
 * GET /devices/{id}/riskScore (Cisco's "Devices"): the device's risk score by part, computed
 * from what it rests on now (src/store/risk-inputs.ts, src/domain/risk-score.ts); its parts sum
 * to the device's stored `riskScore` (world build and ingest store it from the same inputs).
 * divergence: `deviceEngineLastRun` is the time of the answer: the emulator computes on demand.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { riskScore } from '../../../domain/risk-score.js';
import type { Component } from '../../../domain/types.js';
import { errors } from '../../../errors.js';
import { checkId } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { DeviceRiskScoreSchema } from '../schemas/devices.js';
import { deviceRiskScore } from '../serialize/device-risk-score.js';

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const { url, docs } = operation('GET', '/devices/{id}/riskScore', 'Device type, riskiest activity tag, group criticalness and worst open vulnerability: four parts that sum to the risk score.');
  app.get(
    url,
    {
      schema: {
        ...docs,
        params: z.object({ id: z.string() }),
        response: {
          200: doc(DeviceRiskScoreSchema, { description: 'The risk score by part' }),
          ...errorResponses({ badRequest: 'Invalid device id: "x" is not a UUID', notFound: 'Device not found: 0491ad21-6cff-5906-a26b-95e04116e5cd' }),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'device');
      const device = store.devices.get(id);
      const input = store.riskInputs.of([id])[0];
      if (!device || !input) throw errors.notFound('Device', id);
      const known = new Map<string, Component | undefined>();
      const component = (cid: string) => {
        if (!known.has(cid)) known.set(cid, store.components.get(cid));
        return known.get(cid);
      };
      const activities = store.activities.ofDevice(id);
      return deviceRiskScore({ device, score: riskScore(input.input), activities, component, computedAt: app.clock.now() }, app.lookups());
    },
  );
};

export default plugin;
