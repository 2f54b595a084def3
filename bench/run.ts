// `npm run bench`: every figure next to a baseline measured in the same run on the same machine.

import { nginxAvailable } from '../test/support/nginx.ts';
import { benchBookings } from './booking.bench.ts';
import { benchHttp } from './http.bench.ts';
import { benchNginx } from './nginx.bench.ts';
import { formatRate, printTable } from './stats.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);

console.log(`Convene benchmarks: medians of ${rounds} rounds, Node ${process.version}, loopback only.`);

const bookings = await benchBookings(rounds);
printTable('Booking attempts (2,000 random cells for 60 teams, 8 at a time; rules checked, most refused)', [
  ['database', 'Convene', 'bare insert transactions', 'ratio', 'booked'],
  ...bookings.map((row) => [
    row.database,
    formatRate(row.convene),
    formatRate(row.bare),
    `${(row.convene / row.bare).toFixed(2)}`,
    String(row.booked),
  ]),
]);

const http = await benchHttp(rounds, seconds);
printTable(`Read endpoints (32 connections, ${seconds} s per round; budget: at least 0.5 of bare)`, [
  ['path', 'bytes sent', 'Convene', 'bare node:http', 'ratio'],
  ...http.map((row) => [
    row.encoding ? `${row.path} (${row.encoding})` : row.path,
    String(row.bytes),
    formatRate(row.convene),
    formatRate(row.bare),
    (row.convene / row.bare).toFixed(2),
  ]),
]);

if (nginxAvailable) {
  const proxy = await benchNginx(rounds, seconds);
  printTable(`Board JSON behind nginx (the printed configuration; 32 connections, ${seconds} s per round)`, [
    ['bytes', 'through nginx to Convene', 'nginx sending it as a file', 'ratio'],
    [
      String(proxy.bytes),
      formatRate(proxy.proxied),
      formatRate(proxy.file),
      (proxy.proxied / proxy.file).toFixed(2),
    ],
  ]);
} else {
  console.log('\nnginx is not installed (apt-get install nginx): the proxy figures are left out.');
}
