// The bench's yardstick: a bare Fastify route that returns a cached body, read once from a file.
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

const [bodyFile, port] = process.argv.slice(2);
const body = readFileSync(bodyFile, 'utf8');
const app = Fastify();
app.get('/cached', async (_req, reply) => reply.type('application/json').send(body));
await app.listen({ host: '127.0.0.1', port: Number(port) });
process.stdout.write('ready\n');
