/** `sip` (a SIP stack in JavaScript) ships no types: what the test peer and the test phone use of it. */
declare module 'sip' {
  export interface NameAddr {
    name?: string;
    uri: string;
    params: Record<string, string | null>;
  }
  export interface Via {
    version?: string;
    protocol?: string;
    host?: string;
    port?: number;
    params: Record<string, string | number | null>;
  }
  export interface SipHeaders {
    via?: Via[];
    to?: NameAddr;
    from?: NameAddr;
    'call-id'?: string;
    cseq?: { seq: number; method: string };
    contact?: NameAddr[] | '*';
    [name: string]: unknown;
  }
  /** A request has `method` and `uri`, a response `status` and `reason`. */
  export interface SipMessage {
    method?: string;
    uri?: string;
    status?: number;
    reason?: string;
    version?: string;
    headers: SipHeaders;
    content?: string;
  }
  export interface Remote {
    protocol: string;
    address: string;
    port: number;
  }
  export interface SipStack {
    /** A request with the callback for each of its responses, or a response to a server transaction. */
    send(message: SipMessage, onResponse?: (response: SipMessage) => void): void;
    destroy(): void;
  }
  export function create(
    options: {
      address: string;
      port: number;
      udp?: boolean;
      tcp?: boolean;
      /** `recv` sees every message received, before the transaction layer (which may answer 503 itself). */
      logger?: { recv?: (message: SipMessage, remote: Remote) => void };
    },
    onRequest: (request: SipMessage, remote: Remote) => void,
  ): SipStack;
  export function parse(text: string): SipMessage | undefined;
  export function stringify(message: SipMessage): string;
  export function makeResponse(request: SipMessage, status: number, reason?: string): SipMessage;
}
