import { headers as natsHeaders, type MsgHdrs } from '@nats-io/nats-core';
import type { BusHeaders } from './bus-record';

/** NATS headers as a plain record with lower-case names (the first value of a repeated header). */
export const fromNatsHeaders = (headers: MsgHdrs | undefined): BusHeaders => {
  const record: BusHeaders = {};
  if (headers === undefined) return record;
  for (const [name, values] of headers) {
    const key = name.toLowerCase();
    if (record[key] === undefined && values[0] !== undefined) record[key] = values[0];
  }
  return record;
};

export const toNatsHeaders = (record: BusHeaders): MsgHdrs => {
  const headers = natsHeaders();
  for (const [name, value] of Object.entries(record)) headers.set(name, value);
  return headers;
};
