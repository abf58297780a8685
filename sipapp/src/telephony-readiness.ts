import { connect } from 'node:net';
import type { ReadinessCheck } from '@hotline/infra/health';
import { RtpengineControl } from './media/rtpengine-control';
import type { SipappConfig } from './sipapp.config';

/** Whether a TCP port accepts a connection within the time (drachtio-server's control port). */
export function reachable(hostPort: string, timeoutMs: number): Promise<boolean> {
  const [host, port] = hostPort.split(':');
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * With telephony on, the media engine and drachtio-server are part of readiness: when either is
 * unreachable `/health/ready` says which, and the edge refuses new calls (503) instead of half-creating them.
 */
export function telephonyReadiness(config: SipappConfig): { checks: ReadinessCheck[]; close: () => void } {
  if (!config.SIPAPP_TELEPHONY) return { checks: [], close: () => undefined };
  const control = RtpengineControl.at(config.RTPENGINE_NG, 1_000);
  const checks: ReadinessCheck[] = [
    {
      name: 'rtpengine',
      timeoutMs: 2_000,
      check: async () => {
        if (!(await control.ping())) throw new Error(`rtpengine at ${config.RTPENGINE_NG} does not answer`);
      },
    },
  ];
  const drachtio = config.DRACHTIO_URL;
  if (drachtio !== undefined) {
    checks.push({
      name: 'drachtio',
      timeoutMs: 2_000,
      check: async () => {
        if (!(await reachable(drachtio, 1_000)))
          throw new Error(`drachtio-server at ${drachtio} is unreachable`);
      },
    });
  }
  return { checks, close: () => control.close() };
}
