import { DEFAULT_IVR_FLOW } from '@hotline/contracts';
import { deciderSpec } from '../testing/decider-spec';
import { ivrFlowDecider } from './ivr-flow.decider';
import { TelephonyError } from './ivr-flow.errors';

const spec = deciderSpec(ivrFlowDecider);
const center = { actor: { id: 'center-1', role: 'center' } };
const published = {
  type: 'IvrFlowPublished' as const,
  data: { flowId: 'main', version: 1, flow: DEFAULT_IVR_FLOW },
};

describe('IVR flow versions', () => {
  it('publishes the first version of a valid flow', () => {
    spec
      .given([])
      .when({ type: 'PublishIvrFlow', data: { flow: DEFAULT_IVR_FLOW } }, center)
      .then([published]);
  });

  it('numbers the next version and ignores a republish of the same document', () => {
    const changed = { ...DEFAULT_IVR_FLOW, name: '12345 主流程（春节）' };
    spec
      .given([published])
      .when({ type: 'PublishIvrFlow', data: { flow: changed } }, center)
      .then([{ type: 'IvrFlowPublished', data: { flowId: 'main', version: 2, flow: changed } }]);
    spec
      .given([published])
      .when({ type: 'PublishIvrFlow', data: { flow: DEFAULT_IVR_FLOW } }, center)
      .then([]);
  });

  it('refuses a flow with an unreachable node, naming the node and the reason', () => {
    const flow = {
      ...DEFAULT_IVR_FLOW,
      nodes: { ...DEFAULT_IVR_FLOW.nodes, orphan: { kind: 'hangup' as const, prompts: [] } },
    };
    spec
      .given([])
      .when({ type: 'PublishIvrFlow', data: { flow } }, center)
      .thenRejects(TelephonyError.FlowInvalid, /^node orphan: unreachable from check-blocklist$/);
  });

  it('leaves flows to the center', () => {
    spec
      .given([])
      .when(
        { type: 'PublishIvrFlow', data: { flow: DEFAULT_IVR_FLOW } },
        { actor: { id: 'a-1', role: 'agent' } },
      )
      .thenRejects(TelephonyError.RoleNotAllowed);
  });
});
