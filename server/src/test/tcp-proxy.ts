import net from 'node:net';

export interface TcpProxy {
  /** The port clients connect to instead of the target's. */
  port: number;
  /** Destroys every open connection and refuses new ones, as a database that stopped or a network that broke. */
  cut(): Promise<void>;
  /** Takes connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP proxy on 127.0.0.1 to a target, for tests that take a service away and bring it back. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      // A cut is the point: a reset on either side just ends the pair.
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  // Closing the listener refuses new connections; its callback waits for the open ones, which are reset meanwhile.
  const shut = async () => {
    const stopped = new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    for (const socket of open) socket.resetAndDestroy();
    await stopped;
  };

  await listen(0);
  const { port } = server.address() as net.AddressInfo;
  return { port, cut: shut, restore: () => listen(port), close: shut };
}
