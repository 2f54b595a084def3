// One load-generating process: opens many raw SSE connections and records, for each update, how
// long it took from the moment it was sent (stamped in its text) to its arrival here.
import { connect, type Socket } from 'node:net';

interface Start {
  readonly type: 'start';
  readonly port: number;
  readonly path: string;
  readonly count: number;
  readonly localAddress: string;
}

const marker = /bench-(\d+)-(\d+\.\d+)/g;
const markerStart = Buffer.from('bench-');
const sockets: Socket[] = [];
const latencies: number[] = [];
let ready = 0;
let failed = 0;

const now = () => performance.timeOrigin + performance.now();

function open(start: Start): void {
  const seen = new Set<number>();
  let tail = '';
  let snapshot = false;
  const socket = connect({ host: '127.0.0.1', port: start.port, localAddress: start.localAddress });
  socket.setNoDelay(true);
  socket.on('connect', () => {
    socket.write(`GET ${start.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`);
  });
  socket.on('data', (chunk: Buffer) => {
    const at = now();
    // Only chunks that may hold a marker are decoded, so reading stays cheap for the load side.
    if (snapshot && tail === '' && chunk.indexOf(markerStart) === -1) return;
    const text = tail + chunk.toString('latin1');
    if (!snapshot && text.includes('event: snapshot')) {
      snapshot = true;
      ready++;
    }
    for (const match of text.matchAll(marker)) {
      const sequence = Number(match[1]);
      if (seen.has(sequence)) continue;
      seen.add(sequence);
      latencies.push(at - Number(match[2]));
    }
    // A marker cut at the end of a chunk is completed by the next one.
    const cut = text.lastIndexOf('bench-');
    tail = cut !== -1 && !/bench-\d+-\d+\.\d+/.test(text.slice(cut)) ? text.slice(cut) : '';
  });
  socket.on('error', () => {
    if (!snapshot) failed++;
  });
  sockets.push(socket);
}

process.on('message', async (message: Start | { type: 'finish' }) => {
  if (message.type === 'start') {
    for (let opened = 0; opened < message.count; opened++) {
      open(message);
      // Open in small batches so the server's accept queue never overflows.
      if (opened % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const deadline = Date.now() + 120_000;
    while (ready + failed < message.count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.send?.({ type: 'ready', ready, failed });
  } else {
    process.send?.({ type: 'latencies', latencies }, () => {
      for (const socket of sockets) socket.destroy();
      process.exit(0);
    });
  }
});

// Never outlive the run that started this process.
process.on('disconnect', () => process.exit(0));
