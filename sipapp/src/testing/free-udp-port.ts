import { createSocket } from 'node:dgram';

/** A free UDP port on the address (bound and released; the SIP stack binds it a moment later). */
export function freeUdpPort(address: string): Promise<number> {
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, address, () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
