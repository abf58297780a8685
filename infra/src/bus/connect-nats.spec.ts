import { connectNats } from './connect-nats';

describe('connectNats', () => {
  it('rejects a server that is not a NATS URL and a missing name before connecting', async () => {
    await expect(connectNats({ servers: 'http://127.0.0.1:4222', name: 'x' })).rejects.toMatchObject({
      kind: 'validation',
      field: 'servers',
    });
    await expect(connectNats({ servers: [], name: 'x' })).rejects.toMatchObject({ field: 'servers' });
    await expect(connectNats({ servers: 'nats://127.0.0.1:4222', name: ' ' })).rejects.toMatchObject({
      field: 'name',
    });
  });
});
