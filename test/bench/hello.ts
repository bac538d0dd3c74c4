// The baseline every benchmark is divided by: a bare Hono hello-world on the same machine and Node.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.html('<!doctype html><html><head><title>Hello</title></head><body><h1>Hello, world</h1></body></html>'));
const port = Number(process.env.PORT ?? 0);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => process.stdout.write(`listening ${info.port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
