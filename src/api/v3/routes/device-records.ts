/**
 * What Cisco's "Devices" lists of one device: its vulnerabilities (the union of its components'
 * matches, one per catalogue entry, with the device's acknowledgements), the credentials its
 * components accepted in clear, and the variables they hold. 404 for an unknown device, 400 for
 * an id that is not a UUID.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Component } from '../../../domain/types.js';
import { unionOfMatches } from '../../../domain/vulnerability.js';
import { errors } from '../../../errors.js';
import { checkId } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { VariableSchema } from '../schemas/component-relations.js';
import { DeviceCredentialSchema } from '../schemas/devices.js';
import { JsonVulnerabilityFullInfosSchema } from '../schemas/vulnerability-infos.js';
import { ms } from '../serialize/common.js';
import { variable } from '../serialize/component-relations.js';
import { ackOf, vulnerabilityFullInfos } from '../serialize/vulnerability-infos.js';

const ID_EXAMPLE = '0491ad21-6cff-5906-a26b-95e04116e5cd';
const params = z.object({ id: z.string() });
const failures = errorResponses({ badRequest: 'Invalid device id: "x" is not a UUID', notFound: `Device not found: ${ID_EXAMPLE}` });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  /** The device's components; a 400 for a malformed id, a 404 for an unknown device. */
  function componentsOf(rawId: string): { id: string; components: Component[] } {
    const id = checkId(rawId, 'device');
    const components = store.devices.components(id);
    if (components === undefined) throw errors.notFound('Device', id);
    return { id, components };
  }

  const vulns = operation('GET', '/devices/{id}/vulnerabilities', "The union of its components' vulnerabilities, one per catalogue entry (the earliest match, every reason), with this device's acknowledgement.");
  app.get(
    vulns.url,
    { schema: { ...vulns.docs, params, response: { 200: doc(z.array(JsonVulnerabilityFullInfosSchema), { description: 'The vulnerabilities, in match order' }), ...failures } } },
    async (request) => {
      const { id, components } = componentsOf(request.params.id);
      const acks = store.vulnerabilities.acksOf(id);
      return unionOfMatches(store.vulnerabilities.matchesOf(components.map((c) => c.id))).map((m) => vulnerabilityFullInfos(m, ackOf(m, acks)));
    },
  );

  const credentials = operation('GET', '/devices/{id}/credentials', 'What its components accepted in clear (FTP, Telnet, HTTP basic authentication, SNMP communities), by protocol and user name.');
  app.get(
    credentials.url,
    { schema: { ...credentials.docs, params, response: { 200: doc(z.array(DeviceCredentialSchema), { description: 'The credentials' }), ...failures } } },
    async (request) => {
      const { id } = componentsOf(request.params.id);
      return store.credentials.ofDevice(id).map((c) => ({
        protocol: c.protocol,
        username: c.username,
        password: c.password,
        algo: c.algo,
        deviceId: id,
        creationTime: ms(c.creationTime),
        lastUpdate: ms(c.lastUpdate),
      }));
    },
  );

  const variables = operation('GET', '/devices/{id}/variables', 'The variables its components hold, with who accessed them. README quirk 1: an array, though the document types one Variable.');
  app.get(
    variables.url,
    { schema: { ...variables.docs, params, response: { 200: doc(z.array(VariableSchema), { description: 'The variables, in the order they were found' }), ...failures } } },
    async (request) => {
      const id = checkId(request.params.id, 'device');
      const held = store.variableViews.ofDevice(id);
      if (held === undefined) throw errors.notFound('Device', id);
      return held.variables.map((v) => variable(v, held));
    },
  );
};

export default plugin;
