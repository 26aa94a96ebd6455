// Measures what the server sends per player-second in the arena, by protocol and state encoding: a gateway (pinned
// to CPU 0 when taskset is present, by the caller) and the SDK's bots behind a TCP proxy that counts the bytes
// flowing from the server to the bots.
//
//   taskset -c 1 node test/support/measure-state-bytes.mjs [--bots 40] [--seconds 20]
//
// GATEWAY_DLL as for the suites; the gateway is pinned to CPU 0 with taskset when available. The server's CPU is
// the gateway process's (standalone: it hosts the silo too) over the whole row, sessions and joins included.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { parseArgs } from 'node:util';
import { runBots } from '../../bot.js';
import { startGateway } from './gateway.js';

const { values } = parseArgs({ options: { bots: { type: 'string', default: '40' }, seconds: { type: 'string', default: '20' } } });
const bots = Number.parseInt(values.bots, 10);
const seconds = Number.parseFloat(values.seconds);
const pinned = spawnSync('taskset', ['--version']).status === 0;

function countingProxy(targetPort) {
  const counter = { down: 0 };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    upstream.on('data', (chunk) => { counter.down += chunk.length; });
    client.pipe(upstream);
    upstream.pipe(client);
    for (const socket of [client, upstream]) socket.on('error', () => {});
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return new Promise((resolveProxy) => server.listen(0, '127.0.0.1', () => resolveProxy({
    url: `http://127.0.0.1:${server.address().port}`, counter, close: () => new Promise((r) => server.close(r)),
  })));
}

/** The gateway's CPU time so far in ms (user + system, from /proc; clock ticks of 10 ms), or NaN off Linux. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const gateway = await startGateway();
if (pinned) spawnSync('taskset', ['-a', '-p', '-c', '0', String(gateway.pid)]);
const rows = [];
try {
  for (const protocol of ['json', 'msgpack']) {
    for (const stateEncoding of ['full', 'delta']) {
      const proxy = await countingProxy(gateway.port);
      const cpuBefore = cpuMs(gateway.pid);
      const results = await runBots({ url: proxy.url, bots, seconds, protocol, stateEncoding, namePrefix: `${protocol}-${stateEncoding}` });
      await proxy.close();
      const serverCpuMs = cpuMs(gateway.pid) - cpuBefore;
      const snapshots = results.reduce((sum, r) => sum + r.snapshots, 0);
      rows.push({ protocol, stateEncoding, bots, seconds, bytes: proxy.counter.down, bytesPerPlayerSecond: Math.round(proxy.counter.down / (bots * seconds)), serverCpuMsPerPlayerSecond: Math.round((serverCpuMs / (bots * seconds)) * 100) / 100, snapshots, failed: results.filter((r) => r.failed).length });
      console.log(JSON.stringify(rows.at(-1)));
    }
  }
} finally {
  await gateway.stop();
}
