/**
 * guide 6.1: the Center's CA certificate, at /ca.pem (PEM) and /ca.crt (DER), without a token,
 * so that a client can verify the HTTPS server.
 */
import type { FastifyInstance } from 'fastify';

export default async function caRoutes(app: FastifyInstance, opts: { ca: { pem: string; der: Buffer } }): Promise<void> {
  const common = { tags: ['Certificate'], security: [] };
  app.get('/ca.pem', { schema: { ...common, operationId: 'getCaPem', summary: 'The Center CA certificate (PEM)' } }, async (_req, reply) =>
    reply.type('application/x-pem-file').send(opts.ca.pem),
  );
  app.get('/ca.crt', { schema: { ...common, operationId: 'getCaCrt', summary: 'The Center CA certificate (DER)' } }, async (_req, reply) =>
    reply.type('application/pkix-cert').send(opts.ca.der),
  );
}
