// A TCP proxy in front of the gateway whose connections can be cut, to simulate a network drop.
import { createServer, connect } from 'node:net';

/**
 * Starts a proxy from a free loopback port to `targetPort`.
 * @returns {Promise<{ url: string, dropAll: () => number, cut: (ms: number) => number, close: () => Promise<void> }>}
 */
export function startProxy(targetPort) {
  const sockets = new Set();
  let refuseUntil = 0;
  const server = createServer((client) => {
    if (Date.now() < refuseUntil) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return new Promise((resolveProxy, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolveProxy({
        url: `http://127.0.0.1:${port}`,
        dropAll() {
          const count = sockets.size;
          for (const socket of sockets) socket.destroy();
          return count;
        },
        // Drops every connection and refuses new ones for `ms`: the network is gone for a while.
        cut(ms) {
          refuseUntil = Date.now() + ms;
          return this.dropAll();
        },
        close() {
          for (const socket of sockets) socket.destroy();
          return new Promise((resolveClose) => server.close(() => resolveClose()));
        },
      });
    });
  });
}
