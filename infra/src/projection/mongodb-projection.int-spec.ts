import { MONGODB_URL_HELP, realMongodbUrl } from '../read-store/testing/real-mongodb';
import { describeProjectionContract } from './testing/projection.contract';
import { testStoreSpaces } from './testing/test-store';

// FerretDB runs this contract in projection-runner.int-spec.ts; a real MongoDB only when MONGODB_URL is set.
const url = realMongodbUrl('Projection contract');

if (url) describeProjectionContract('MongoDB', testStoreSpaces.mongodb(url));
else {
  describe.skip('Projection contract [MongoDB] — skipped: MONGODB_URL not set', () => {
    it.todo(MONGODB_URL_HELP);
  });
}
