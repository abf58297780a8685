/** `rtpengine-client` ships no types; the sipapp uses its UDP client through RtpengineControl only. */
declare module 'rtpengine-client' {
  export class Client {
    constructor(options?: { timeout?: number; localPort?: number; localAddress?: string });
  }
}
