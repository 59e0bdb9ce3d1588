/**
 * Components (Cisco's "Components"): the list, one component, and what hangs off one: its
 * vulnerabilities, credentials, variables and flows. GET /components answers an array although
 * Cisco types it as one ComponentFields, and GET /components/{id} an array of one (spec/v3
 * README quirks 1 and 2); without paging parameters a list is every row (clients.md section 3).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMPONENT_FIELDS, FLOW_FIELDS, VARIABLE_FIELDS } from '../../../domain/list-fields.js';
import { listInMemory } from '../../../domain/list-in-memory.js';
import type { VariableView } from '../../../domain/variable-view.js';
import { checkId, found } from '../../kit.js';
import { format, sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { aggregated, fieldsParam, listParams, windowParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { doc } from '../registry.js';
import { ComponentCredentialSchema, VariableSchema } from '../schemas/component-relations.js';
import { COMPONENT_FIELD_NAMES, ComponentFieldsSchema, ComponentSchema } from '../schemas/components.js';
import { FlowSchema } from '../schemas/flows.js';
import { JsonVulnerabilityFullInfosSchema } from '../schemas/vulnerability-infos.js';
import { credential, variable } from '../serialize/component-relations.js';
import { componentDetail, componentFields, pick } from '../serialize/components.js';
import { flow } from '../serialize/flows.js';
import { ackOf, vulnerabilityFullInfos } from '../serialize/vulnerability-infos.js';

const BAD_PARAMETER = 'Invalid query parameter "sort": cannot sort on "x": sortable fields are …';
const NOT_FOUND = 'Component not found: 00000000-0000-4000-8000-000000000000';
const BAD_ID = 'Invalid component id: "x" is not a UUID';

const ListQuery = z.object({ aggregated, format, fields: fieldsParam(COMPONENT_FIELD_NAMES), ...listParams(COMPONENT_FIELDS), ...windowParams });
const VariablesQuery = z.object(listParams(VARIABLE_FIELDS));
const FlowsQuery = z.object({ format, ...listParams(FLOW_FIELDS), ...windowParams });
const IdParams = z.object({ id: doc(z.string(), { description: 'The component id (a UUID).' }) });
const IdsParams = z.object({ id: doc(z.string(), { description: "The component id (a UUID), or several joined with ';'." }) });

/** The variables' fields, for `sort` and `filter` (times in µs, as `from`/`to`). */
const VARIABLE_SHAPE = {
  fields: VARIABLE_FIELDS,
  value: {
    label: (v: VariableView) => v.variable.name,
    protocol: (v: VariableView) => v.protocol,
    category: (v: VariableView) => v.category,
    firstAccess: (v: VariableView) => Math.min(...v.variable.authors.flatMap((a) => [a.read?.first, a.write?.first].filter((t) => t !== undefined))),
    lastAccess: (v: VariableView) => Math.max(...v.variable.authors.flatMap((a) => [a.read?.last, a.write?.last].filter((t) => t !== undefined))),
  },
};

const plugin: FastifyPluginAsyncZod = async (app) => {
  /** A known component's id, normalized: 400 when malformed, 404 when unknown. */
  const componentId = (raw: string): string => {
    const id = checkId(raw, 'component');
    found(app.store.components.rowid(id), 'Component', id);
    return id;
  };

  const list = operation('GET', '/components', 'Without `page` and `size`, every component (streamed). `fields=id,label` keeps those fields.');
  app.get(
    list.url,
    {
      schema: {
        ...list.docs,
        querystring: ListQuery,
        response: { 200: doc(z.array(ComponentFieldsSchema), { description: 'The components (an array: Cisco types it as one ComponentFields)' }), ...errorResponses({ badRequest: BAD_PARAMETER }) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const req = listRequest(q);
      const l = app.lookups();
      return sendList(reply, req, { rows: app.store.componentViews.list(req), serialize: (v) => pick(componentFields(v, l), q.fields) }, q.format);
    },
  );

  const one = operation('GET', '/components/{id}', "An array of one Component (Cisco's Components), or of each component when ids are joined with ';'.");
  app.get(
    one.url,
    {
      schema: {
        ...one.docs,
        params: IdsParams,
        querystring: z.object({ aggregated }),
        response: { 200: doc(z.array(ComponentSchema), { description: 'The component, in an array' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) },
      },
    },
    async (request) => {
      const ids = request.params.id.split(';').map((id) => checkId(id, 'component'));
      const l = app.lookups();
      return ids.map((id) => componentDetail(found(app.store.componentViews.get(id), 'Component', id), l));
    },
  );

  const vulnerabilities = operation('GET', '/components/{id}/vulnerabilities', "Acknowledged when the component's device acknowledged the CVE.");
  app.get(
    vulnerabilities.url,
    {
      schema: {
        ...vulnerabilities.docs,
        params: IdParams,
        response: { 200: doc(z.array(JsonVulnerabilityFullInfosSchema), { description: 'Its vulnerabilities, in the order they were matched' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) },
      },
    },
    async (request) => {
      const id = componentId(request.params.id);
      // The acknowledgements are per device; a component without one is a network node of its own.
      const owner = app.store.devices.summariesOf([id]).get(id)?.id ?? id;
      const acks = app.store.vulnerabilities.acksOf(owner);
      return app.store.vulnerabilities.matchesOf([id]).map((m) => vulnerabilityFullInfos(m, ackOf(m, acks)));
    },
  );

  const credentials = operation('GET', '/components/{id}/credentials');
  app.get(
    credentials.url,
    {
      schema: {
        ...credentials.docs,
        params: IdParams,
        response: { 200: doc(z.array(ComponentCredentialSchema), { description: 'The credentials it accepted, by protocol and user name' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) },
      },
    },
    async (request) => app.store.credentials.ofComponent(componentId(request.params.id)).map(credential),
  );

  const variables = operation('GET', '/components/{id}/variables', 'The variables the component holds (a controller), with the components that read or write them.');
  app.get(
    variables.url,
    {
      schema: {
        ...variables.docs,
        params: IdParams,
        querystring: VariablesQuery,
        response: { 200: doc(z.array(VariableSchema), { description: 'Its variables' }), ...errorResponses({ badRequest: BAD_PARAMETER, notFound: NOT_FOUND }) },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'component');
      const held = found(app.store.variableViews.ofComponent(id), 'Component', id);
      return listInMemory(held.variables, listRequest(request.query), VARIABLE_SHAPE).map((v) => variable(v, held));
    },
  );

  const flows = operation('GET', '/components/{id}/flows', 'The flows it is an end of. Without `page` and `size`, every one.');
  app.get(
    flows.url,
    {
      schema: {
        ...flows.docs,
        params: IdParams,
        querystring: FlowsQuery,
        response: { 200: doc(z.array(FlowSchema), { description: 'Its flows' }), ...errorResponses({ badRequest: BAD_PARAMETER, notFound: NOT_FOUND }) },
      },
    },
    async (request, reply) => {
      const id = checkId(request.params.id, 'component');
      const req = listRequest(request.query);
      const l = app.lookups();
      return sendList(reply, req, { rows: found(app.store.flowViews.ofComponent(id, req), 'Component', id), serialize: (v) => flow(v, l) }, request.query.format);
    },
  );
};

export default plugin;
