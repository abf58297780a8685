import 'reflect-metadata';
import { defineQuery } from '@hotline/contracts';
import { z } from 'zod';
import { ledgerCommands } from '../command/testing/ledger.decider';
import { busEndpoints, commandEndpoint, queryEndpoint } from './bus-endpoints';

const [Deposit] = ledgerCommands;
const GetBalance = defineQuery({
  type: 'GetBalance',
  service: 'ledger',
  schema: z.object({ ledgerId: z.string().min(1) }),
  summary: 'The balance of a ledger.',
});
const envelope = (data: unknown) => ({
  commandId: 'cmd-1',
  type: 'Deposit',
  data,
  metadata: { correlationId: 'c', actor: { id: 'a', role: 'agent' }, districtId: 'east' },
});

describe('bus endpoints from the registry', () => {
  it('serves a command on its subject and hands over the parsed command', async () => {
    const endpoint = commandEndpoint(Deposit, (command) => Promise.resolve(command.data.amount * 2));
    expect(endpoint.subject).toBe('hotline.cmd.ledger.Deposit');
    await expect(endpoint.handle(envelope({ amount: 21 }))).resolves.toBe(42);
  });

  it('refuses a command whose data does not match, before the handler runs', async () => {
    const handle = jest.fn();
    const endpoint = commandEndpoint(Deposit, handle);
    await expect(endpoint.handle(envelope({ amount: 'lots' }))).rejects.toMatchObject({
      kind: 'validation',
      field: 'data.amount',
    });
    expect(handle).not.toHaveBeenCalled();
  });

  it('serves a query on its subject with its parameters parsed', async () => {
    const endpoint = queryEndpoint(GetBalance, (query) => Promise.resolve(query.ledgerId));
    expect(endpoint.subject).toBe('hotline.qry.ledger.GetBalance');
    await expect(endpoint.handle({ ledgerId: 'l-1' })).resolves.toBe('l-1');
    await expect(endpoint.handle({})).rejects.toMatchObject({ field: 'ledgerId' });
  });

  it('refuses a service that serves one subject twice', () => {
    const handle = () => Promise.resolve(null);
    expect(() =>
      busEndpoints('Ledger', [commandEndpoint(Deposit, handle), commandEndpoint(Deposit, handle)]),
    ).toThrow(/served twice/);
  });
});
