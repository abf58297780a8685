import {
  CITY_DISTRICT,
  INTAKE_SERVICE,
  WORKFLOW_SERVICE,
  type CaseType,
  type WorkingCalendar,
} from '@hotline/contracts';
import type { BusReply, DemoActor, DemoBus } from './demo-bus';
import { demoAgent, demoCenter, demoLeader, demoUnitUser } from './demo-people';
import type { DemoCase } from './demo-plan';

const MINUTE = 60_000;

const RETURN = {
  reason: 'not-responsible',
  explanation: '经核实，该事项不属于本单位职责范围，应由属地街道或行业主管部门办理。',
  basis: '《榕城市12345热线派单目录》及本单位“三定”职责规定',
};
const EXTENSION_REASONS = [
  '涉及多个部门联合处置，需协调现场整改，申请延期办理。',
  '需等待第三方检测结果后才能作出处理意见。',
  '当事企业负责人出差，约谈需延后，申请延期。',
];

/** Sends one demo case's commands, milestone by milestone, each at its business time. */
export class DemoCaseRunner {
  private position = 0;

  constructor(
    private readonly bus: DemoBus,
    private readonly calendar: WorkingCalendar,
    private readonly now: Date,
  ) {}

  async run(demo: DemoCase, times: Date[], masterCaseId?: string): Promise<void> {
    const agent = demoAgent(demo.agent, demo.districtId);
    const center = demoCenter(demo.n, CITY_DISTRICT);
    const lead = demoUnitUser(demo.leadUnitId, demo.districtId);
    const firstAt = times[0] as Date;
    await this.intake('contact', agent, 'RecordContact', demo, new Date(firstAt.getTime() - 2 * MINUTE), {
      contactId: demo.contactId,
      channel: demo.channel,
      receivedAt: new Date(firstAt.getTime() - 2 * MINUTE).toISOString(),
      caller: demo.caller,
      content: demo.content,
      place: { address: demo.address },
    });
    let replies = 0;
    for (const [index, milestone] of demo.path.entries()) {
      const at = times[index] as Date;
      const step = `${index}-${milestone}`;
      const send = (as: DemoActor, type: string, data: Record<string, unknown>, service = WORKFLOW_SERVICE) =>
        this.send(service, type, `demo:${demo.caseId}:${step}`, as, { caseId: demo.caseId, ...data }, at);
      switch (milestone) {
        case 'register':
          await this.intake(step, agent, 'RegisterCaseFromContact', demo, at, {
            contactId: demo.contactId,
            caseId: demo.caseId,
            type: caseTypeOf(demo),
            categoryCode: demo.decline?.categoryCode ?? demo.matter.categoryCode,
            place: { address: demo.address },
          });
          break;
        case 'answer':
          await this.intake(step, agent, 'AnswerContact', demo, at, {
            contactId: demo.contactId,
            caseId: demo.caseId,
            type: 'consult',
            categoryCode: demo.matter.categoryCode,
            answer: demo.matter.answer?.text ?? demo.matter.results[0],
            ...(demo.matter.answer ? { knowledgeArticleId: demo.matter.answer.articleId } : {}),
          });
          break;
        case 'decline': {
          const { reason, explanation, referral } = demo.decline ?? {};
          await send(agent, 'DeclineCase', { reason, explanation, referral });
          break;
        }
        case 'dispatch':
          await send(agent, 'DispatchCase', {
            leadUnitId: demo.leadUnitId,
            coHandlers: demo.coHandlerUnitId ? [{ unitId: demo.coHandlerUnitId }] : [],
          });
          break;
        case 'dispatch-wrong':
          await send(agent, 'DispatchCase', { leadUnitId: demo.wrongUnitId });
          break;
        case 'dispatch-district':
          await send(agent, 'DispatchCase', { leadUnitId: demo.districtId });
          break;
        case 'sign-district':
          await send(demoUnitUser(demo.districtId, demo.districtId), 'SignCase', {});
          break;
        case 'sub-dispatch':
          await send(demoUnitUser(demo.districtId, demo.districtId), 'SubDispatchCase', {
            toUnitId: demo.leadUnitId,
            note: '请属地街道核实处理，并按期答复。',
          });
          break;
        case 'return':
          await send(demoUnitUser(demo.wrongUnitId, demo.districtId), 'ReturnCase', RETURN);
          break;
        case 'redispatch':
          await send(center, 'RedispatchCase', { leadUnitId: demo.leadUnitId });
          break;
        case 'sign':
          await send(lead, 'SignCase', {});
          if (demo.coHandlerUnitId && replies === 0) {
            await this.send(
              WORKFLOW_SERVICE,
              'SignCase',
              `demo:${demo.caseId}:${step}-co`,
              demoUnitUser(demo.coHandlerUnitId, demo.districtId),
              { caseId: demo.caseId },
              at,
            );
          }
          if (demo.reportToLeader && replies === 0)
            await this.reportToLeader(demo, center, at, times[index + 1]);
          break;
        case 'extension-request':
          await send(lead, 'RequestCaseExtension', {
            reason: EXTENSION_REASONS[demo.n % EXTENSION_REASONS.length],
            requestedDueAt: await this.extendedDueAt(demo),
          });
          break;
        case 'extension-approve':
          await send(center, 'ApproveCaseExtension', {
            comment: '同意延期，请在新期限内办结并及时答复市民。',
          });
          break;
        case 'extension-reject':
          await send(center, 'RejectCaseExtension', { reason: '延期理由不充分，请按原期限办结。' });
          break;
        case 'reply':
          await send(lead, 'SubmitCaseReply', { result: demo.results[replies > 0 ? 1 : 0] });
          replies += 1;
          break;
        case 'send-back':
          await send(center, 'SendBackCaseReply', {
            reason: '答复未说明具体处理措施和完成时间，请补充核实情况后重新答复。',
          });
          break;
        case 'accept':
          await send(center, 'AcceptCaseReply', {});
          break;
        case 'callback-satisfied':
          await send(agent, 'RecordCaseCallback', {
            reached: true,
            ratings: { efficiency: demo.rating, attitude: 'satisfied', result: demo.rating },
            unitAtFault: false,
          });
          break;
        case 'callback-dissatisfied':
          await send(agent, 'RecordCaseCallback', {
            reached: true,
            ratings: { efficiency: 'basically-satisfied', attitude: 'satisfied', result: 'dissatisfied' },
            unitAtFault: true,
            note: '市民反映问题没有实际解决，现场情况依旧。',
          });
          break;
        case 'redo':
          await send(center, 'RedoCase', { reason: '回访不满意，市民反映问题仍未解决，请重新核查办理。' });
          break;
        case 'close':
          await send(center, 'CloseCase', {});
          await this.reviewPublicRecord(demo, center, at, replies);
          break;
        case 'close-anonymous':
          await send(center, 'CloseCase', { callbackWaiver: 'anonymous' });
          await this.reviewPublicRecord(demo, center, at, replies);
          break;
        case 'merge':
          await send(agent, 'MergeCase', { masterCaseId });
          break;
        default:
          assertNever(milestone);
      }
    }
  }

  /**
   * 办件公开: most closed cases published in their own words (the public record takes personal data
   * out again), one in ten withheld, one in ten left in the center's review queue.
   */
  private async reviewPublicRecord(demo: DemoCase, center: DemoActor, closedAt: Date, replies: number) {
    const share = demo.n % 10;
    if (share === 0 || caseTypeOf(demo) === 'report') return;
    const at = new Date(Math.min(closedAt.getTime() + 90 * MINUTE, this.now.getTime()));
    const decision =
      share === 5
        ? { decision: 'withhold', reason: '涉及市民个人隐私，不予公开。' }
        : { decision: 'publish', content: demo.content, answer: demo.results[replies > 1 ? 1 : 0] };
    const commandId = `demo:${demo.caseId}:public-record`;
    await this.send(
      WORKFLOW_SERVICE,
      'ReviewPublicRecord',
      commandId,
      center,
      { caseId: demo.caseId, ...decision },
      at,
    );
  }

  /** A case reported to the leaders between signing and the next step (or now), and the instruction on it. */
  private async reportToLeader(demo: DemoCase, center: DemoActor, signedAt: Date, next: Date | undefined) {
    const end = (next ?? this.now).getTime();
    const at = (share: number) => new Date(signedAt.getTime() + (end - signedAt.getTime()) * share);
    await this.send(
      WORKFLOW_SERVICE,
      'ReportCaseToLeader',
      `demo:${demo.caseId}:report`,
      center,
      {
        caseId: demo.caseId,
        summary: `群众反映强烈：${demo.content.slice(0, 60)}`,
      },
      at(0.3),
    );
    await this.send(
      WORKFLOW_SERVICE,
      'RecordLeaderInstruction',
      `demo:${demo.caseId}:instruction`,
      demoLeader(CITY_DISTRICT),
      {
        caseId: demo.caseId,
        instruction: '请承办单位高度重视，限期解决到位，并将处理结果及时反馈市民。',
      },
      at(0.6),
    );
  }

  /** The deadline the unit asks for: a few working days past the one in force, never more than the limit. */
  private async extendedDueAt(demo: DemoCase): Promise<string> {
    const detail = await this.bus.query(WORKFLOW_SERVICE, 'GetCase', {
      viewer: { actor: demoCenter(0, CITY_DISTRICT).actor, districtId: CITY_DISTRICT },
      caseId: demo.caseId,
      minPosition: this.position,
    });
    const dueAt = new Date(String(detail.dueAt));
    const limit = Number(detail.limitWorkingDays ?? 2);
    return this.calendar.addWorkingDays(dueAt, Math.max(0.5, Math.min(3, limit))).toISOString();
  }

  private intake(
    step: string,
    as: DemoActor,
    type: string,
    demo: DemoCase,
    at: Date,
    data: Record<string, unknown>,
  ) {
    return this.send(INTAKE_SERVICE, type, `demo:${demo.caseId}:${step}`, as, data, at);
  }

  private async send(
    service: string,
    type: string,
    commandId: string,
    as: DemoActor,
    data: Record<string, unknown>,
    at: Date,
  ): Promise<BusReply> {
    const reply = await this.bus.command(service, type, commandId, as, data, at);
    if (typeof reply.position === 'number') this.position = Math.max(this.position, reply.position);
    return reply;
  }
}

function caseTypeOf(demo: DemoCase): CaseType {
  if (demo.decline) return demo.decline.reason.startsWith('emergency') ? 'help' : 'complaint';
  return demo.type;
}

function assertNever(value: never): never {
  throw new Error(`unknown milestone ${String(value)}`);
}
