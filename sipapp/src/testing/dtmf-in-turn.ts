import { DtmfListener } from '../media/dtmf-listener';

/**
 * rtpengine sends its DTMF log to one port per Jest run (scripts/jest/rtpengine.js), and only one
 * process can listen there: the suites that need keys take turns, each waiting for the port.
 */
export async function listenForDtmfInTurn(port: number, waitMs = 150_000): Promise<DtmfListener> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await DtmfListener.listen(port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
