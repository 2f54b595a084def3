// The baseline: the least an SSE server can do with node:http alone. It keeps every response in a
// set and writes each published message to all of them; no framework, no state, no diffing.
import { createServer, type ServerResponse } from 'node:http';

const snapshot = process.env.BENCH_SNAPSHOT ?? '{}';
const viewers = new Set<ServerResponse>();
let id = 0;

const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url?.startsWith('/stream')) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.write(`retry: 2000\n\nid: ${id}\nevent: snapshot\ndata: ${snapshot}\n\n`);
    viewers.add(response);
    request.on('close', () => viewers.delete(response));
    return;
  }
  if (request.method === 'POST' && request.url === '/publish') {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const frame = `id: ${++id}\nevent: board\ndata: ${body}\n\n`;
      for (const viewer of viewers) viewer.write(frame);
      response.end('{}');
    });
    return;
  }
  response.writeHead(request.url === '/healthz' ? 200 : 404).end();
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  for (const viewer of viewers) viewer.destroy();
  server.close(() => process.exit(0));
});
