import { describeProjectionContract } from './testing/projection.contract';
import { testStoreSpaces } from './testing/test-store';

// A database per store on the test server (POSTGRES_URL from Jest's global setup).
describeProjectionContract('PostgreSQL', testStoreSpaces.postgres);
