// The baseline: a bare node:http server answering each path with fixed bytes held in memory (the
// same bodies, content type and encoding Convene sent). Reads them from the file named on the
// command line (see `RecordedAnswer`); listens on PORT and answers /healthz once it does.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { RecordedAnswer } from './http.bench.ts';

const recorded = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as Record<
  string,
  RecordedAnswer
>;
const answers = new Map(
  Object.entries(recorded).map(([path, answer]) => {
    const body = Buffer.from(answer.base64, 'base64');
    const headers: Record<string, string | number> = {
      'content-type': answer.type,
      'content-length': body.length,
    };
    if (answer.encoding) headers['content-encoding'] = answer.encoding;
    return [path, { headers, body }];
  }),
);
const server = createServer((request, response) => {
  const answer = answers.get(request.url ?? '');
  if (!answer) {
    response.writeHead(request.url === '/healthz' ? 200 : 404).end();
    return;
  }
  response.writeHead(200, answer.headers).end(answer.body);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
