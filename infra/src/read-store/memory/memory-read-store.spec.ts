import { describeReadStoreContract } from '../testing/read-store.contract';
import { MemoryReadStore } from './memory-read-store';

// The memory adapter does no I/O, so its contract run belongs to the unit tier.
describeReadStoreContract('memory', async () => new MemoryReadStore());
