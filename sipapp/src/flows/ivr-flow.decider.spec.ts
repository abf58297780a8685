import { DEFAULT_IVR_FLOW } from '@hotline/contracts';
import { deciderSpec } from '../testing/decider-spec';
import { ivrFlowDecider } from './ivr-flow.decider';
import { TelephonyError } from './ivr-flow.errors';

const spec = deciderSpec(ivrFlowDecider);
const admin = { actor: { id: 'user:city-admin', role: 'center', gatewayRole: 'city-admin' } };
const published = {
  type: 'IvrFlowPublished' as const,
  data: { flowId: 'main', version: 1, flow: DEFAULT_IVR_FLOW },
};

describe('IVR flow versions', () => {
  it('publishes the first version of a valid flow', () => {
    spec
      .given([])
      .when({ type: 'PublishIvrFlow', data: { flow: DEFAULT_IVR_FLOW, baseVersion: 0 } }, admin)
      .then([published]);
  });

  it('numbers the next version and ignores a republish of the same document', () => {
    const changed = { ...DEFAULT_IVR_FLOW, name: '12345 主流程（春节）' };
    spec
      .given([published])
      .when({ type: 'PublishIvrFlow', data: { flow: changed, baseVersion: 1 } }, admin)
      .then([{ type: 'IvrFlowPublished', data: { flowId: 'main', version: 2, flow: changed } }]);
    spec
      .given([published])
      .when({ type: 'PublishIvrFlow', data: { flow: DEFAULT_IVR_FLOW, baseVersion: 0 } }, admin)
      .then([]);
  });

  it('refuses an edit started from an older version than the one published meanwhile', () => {
    const changed = { ...DEFAULT_IVR_FLOW, name: '12345 主流程（春节）' };
    spec
      .given([published])
      .when({ type: 'PublishIvrFlow', data: { flow: changed, baseVersion: 0 } }, admin)
      .thenRejects(
        TelephonyError.FlowVersionStale,
        /^baseVersion: the edit started from version 0, but version 1 was published meanwhile$/,
      );
  });

  it('refuses a flow with an unreachable node, naming the node and the reason', () => {
    const flow = {
      ...DEFAULT_IVR_FLOW,
      nodes: { ...DEFAULT_IVR_FLOW.nodes, orphan: { kind: 'hangup' as const, prompts: [] } },
    };
    spec
      .given([])
      .when({ type: 'PublishIvrFlow', data: { flow, baseVersion: 0 } }, admin)
      .thenRejects(TelephonyError.FlowInvalid, /^node orphan: unreachable from check-blocklist$/);
  });

  it('leaves flows to the city administrator and the platform', () => {
    for (const gatewayRole of ['agent', 'supervisor', 'center', 'district-admin', 'auditor']) {
      spec
        .given([])
        .when(
          { type: 'PublishIvrFlow', data: { flow: DEFAULT_IVR_FLOW, baseVersion: 0 } },
          { actor: { id: `user:${gatewayRole}`, role: 'center', gatewayRole } },
        )
        .thenRejects(TelephonyError.RoleNotAllowed, new RegExp(`for role ${gatewayRole}$`));
    }
    spec
      .given([])
      .when(
        { type: 'PublishIvrFlow', data: { flow: DEFAULT_IVR_FLOW, baseVersion: 0 } },
        { actor: { id: 'system:seed', role: 'system' } },
      )
      .then([published]);
  });
});
