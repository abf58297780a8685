import { createIntakeService, intakeConfigSchema } from '@hotline/intake';
import { DEFAULT_IVR_FLOW, QueueContact, systemActor } from '@hotline/contracts';
import { BusRequests } from '@hotline/infra/bus';
import { loadConfig } from '@hotline/infra/config';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { workflowService } from '@hotline/workflow';
import { escalationService } from '@hotline/escalation';
import { reportingService } from '@hotline/reporting';
import { routingService } from '@hotline/routing';
import { sipappService } from '@hotline/sipapp';
import { SurveyLinkSigner, createSurveyService } from '@hotline/survey';
import { gatewayRouteTable, gatewayService } from '@hotline/gateway';
import { HotlineHttp, type As } from './testing/hotline-http';

type Json = Record<string, unknown>;

/** One POST (or PUT) route, one valid request: sent twice with the same `commandId`, it has one effect. */
interface Step {
  route: string;
  path: string;
  method?: 'PUT';
  as?: As;
  body: Json;
  /** What must hold before the step, done by the platform or once without the repeat (a contact queued). */
  before?: readonly Setup[];
}

/** A contact the telephony queues (the platform's own command), or one request sent once. */
type Setup = { queue: string } | { once: { path: string; as: As; body: Json } };

const CENTER: As = { username: 'center' };
const AGENT: As = { username: 'agent' };
const ADMIN: As = { username: 'city-admin' };
const HANDLER: As = { username: 'unit-handler-housing' };
const SUPERVISOR: As = { username: 'supervisor' };
/** The agent is the signed-in user: their actor id. */
const AGENT_ID = encodeURIComponent('user:agent');
const QUEUE = 'idem-queue';

/** The survey link of task `idem-cb-3`, signed as the platform signs the SMS it sends the citizen. */
const SURVEY_LINK_SECRET = 'idempotency-e2e-survey-link-secret';
const SURVEY_TOKEN = new SurveyLinkSigner(SURVEY_LINK_SECRET).sign(
  'idem-cb-3',
  new Date(Date.now() + 24 * 3_600_000),
);
const surveyTask = (taskId: string, method: string): Step => ({
  route: 'POST /api/survey/callback-tasks',
  path: '/api/survey/callback-tasks',
  as: CENTER,
  body: { taskId, caseId: 'idem-case-1', kind: 'center', method },
});

/** POST routes that are not state changes by `commandId`, and why a repeat is still harmless. */
const NOT_COMMANDS: Readonly<Record<string, string>> = {
  'POST /api/attachments': 'an upload: a file stored under a new id, referenced only by a later command',
  'POST /api/auth/sign-in': 'a new session each time, by design',
  'POST /api/auth/sign-out': 'ends the account’s sessions; a repeat with the same cookie finds no session',
  'POST /api/auth/password': 'the current password is required, so a repeat fails once it changed',
  'POST /api/intake/classification': 'a question sent by POST (the text is too long for a query string)',
  'POST /api/intake/duplicates': 'a question sent by POST (the text is too long for a query string)',
  'POST /api/callers/history': 'a question sent by POST (the phone number stays out of the URL)',
  'POST /api/blocklist/lookup': 'a question sent by POST (the phone number stays out of the URL)',
};

/** Escalation on the case while its unit holds it (after signing, before the reply). */
const ESCALATION_STEPS: readonly Step[] = [
  {
    route: 'POST /api/escalation/reminders',
    path: '/api/escalation/reminders',
    as: CENTER,
    body: { reminderId: 'idem-reminder-1', caseId: 'idem-case-1', note: '请尽快办理' },
  },
  {
    route: 'POST /api/escalation/reminders/:reminderId/read',
    path: '/api/escalation/reminders/idem-reminder-1/read',
    as: HANDLER,
    body: {},
  },
  {
    route: 'POST /api/escalation/supervisions',
    path: '/api/escalation/supervisions',
    as: CENTER,
    body: {
      supervisionId: 'idem-supervision-1',
      caseId: 'idem-case-1',
      scope: 'leader-instruction',
      level: 'center',
      rectifyBy: '2030-01-01T00:00:00.000Z',
      note: '领导批示：限期整改',
    },
  },
  {
    route: 'POST /api/escalation/supervisions/:supervisionId/response',
    path: '/api/escalation/supervisions/idem-supervision-1/response',
    as: HANDLER,
    body: { response: '已约谈施工单位，夜间停工。' },
  },
  {
    route: 'POST /api/escalation/supervisions/:supervisionId/close',
    path: '/api/escalation/supervisions/idem-supervision-1/close',
    as: CENTER,
    body: { verdict: 'rectified', comment: '整改到位' },
  },
];

const CALLER_PARTY = { kind: 'number', number: '13900001111', label: '住建局值班室' };

/**
 * The router from setup to a contact's end: the admin's queue, profile and settings (PUT), the
 * agent's session, contacts the telephony queues (`before`), then every call-control route once.
 */
const ROUTING_STEPS: readonly Step[] = [
  {
    route: 'PUT /api/routing/queues/:queueId',
    path: `/api/routing/queues/${QUEUE}`,
    method: 'PUT',
    as: ADMIN,
    body: {
      name: '幂等测试',
      requiredSkills: [],
      strategy: 'longest-idle',
      offerTimeoutSeconds: 600,
      afterContactWorkSeconds: 600,
      tierRules: [],
      urgentPriority: 2,
      repeatCallerPriority: 1,
      serviceLevelSeconds: 15,
      shortAbandonSeconds: 5,
    },
  },
  {
    route: 'PUT /api/routing/agents/:agentId/profile',
    path: `/api/routing/agents/${AGENT_ID}/profile`,
    method: 'PUT',
    as: ADMIN,
    body: {
      skills: { 'lang.cmn': 5 },
      queues: [{ queueId: QUEUE, tier: 1, position: 0, weight: 1 }],
      chatCapacity: 2,
    },
  },
  {
    route: 'PUT /api/routing/settings',
    path: '/api/routing/settings',
    method: 'PUT',
    as: ADMIN,
    body: {
      repeatCallerDays: 0,
      priorityCallers: [],
      maxMissedOffers: 3,
      declineDelaySeconds: 0,
      noAnswerDelaySeconds: 0,
      wrapUpDelaySeconds: 0,
      seed: 7,
    },
  },
  { route: 'POST /api/routing/me/log-in', path: '/api/routing/me/log-in', as: AGENT, body: {} },
  { route: 'POST /api/routing/me/ready', path: '/api/routing/me/ready', as: AGENT, body: {} },
  {
    route: 'POST /api/routing/me/decline',
    path: '/api/routing/me/decline',
    as: AGENT,
    body: { contactId: 'idem-call-1' },
    before: [{ queue: 'idem-call-1' }],
  },
  {
    route: 'POST /api/routing/me/accept',
    path: '/api/routing/me/accept',
    as: AGENT,
    body: { contactId: 'idem-call-2' },
    before: [{ queue: 'idem-call-2' }],
  },
  {
    route: 'POST /api/routing/me/hold',
    path: '/api/routing/me/hold',
    as: AGENT,
    body: { contactId: 'idem-call-2' },
  },
  {
    route: 'POST /api/routing/me/resume',
    path: '/api/routing/me/resume',
    as: AGENT,
    body: { contactId: 'idem-call-2' },
  },
  {
    route: 'POST /api/routing/me/consult',
    path: '/api/routing/me/consult',
    as: AGENT,
    body: { contactId: 'idem-call-2', party: CALLER_PARTY },
  },
  {
    route: 'POST /api/routing/me/end-consultation',
    path: '/api/routing/me/end-consultation',
    as: AGENT,
    body: { contactId: 'idem-call-2', outcome: 'return' },
  },
  {
    route: 'POST /api/routing/me/conference',
    path: '/api/routing/me/conference',
    as: AGENT,
    body: { contactId: 'idem-call-2', party: CALLER_PARTY },
  },
  {
    route: 'POST /api/routing/me/conference/leave',
    path: '/api/routing/me/conference/leave',
    as: AGENT,
    body: { contactId: 'idem-call-2', party: CALLER_PARTY },
  },
  {
    route: 'POST /api/routing/contacts/:contactId/supervise',
    path: '/api/routing/contacts/idem-call-2/supervise',
    as: SUPERVISOR,
    body: { mode: 'monitor' },
  },
  {
    route: 'POST /api/routing/contacts/:contactId/stop-supervising',
    path: '/api/routing/contacts/idem-call-2/stop-supervising',
    as: SUPERVISOR,
    body: {},
  },
  {
    route: 'POST /api/routing/me/end',
    path: '/api/routing/me/end',
    as: AGENT,
    body: { contactId: 'idem-call-2' },
  },
  {
    route: 'POST /api/routing/me/end-after-contact-work',
    path: '/api/routing/me/end-after-contact-work',
    as: AGENT,
    body: {},
  },
  {
    route: 'POST /api/routing/me/transfer',
    path: '/api/routing/me/transfer',
    as: AGENT,
    body: { contactId: 'idem-call-3', target: { kind: 'number', number: '13900002222' } },
    before: [
      { queue: 'idem-call-3' },
      { once: { path: '/api/routing/me/accept', as: AGENT, body: { contactId: 'idem-call-3' } } },
    ],
  },
  {
    route: 'POST /api/routing/me/not-ready',
    path: '/api/routing/me/not-ready',
    as: AGENT,
    body: { reason: '小休' },
    before: [{ once: { path: '/api/routing/me/end-after-contact-work', as: AGENT, body: {} } }],
  },
  {
    route: 'POST /api/routing/agents/:agentId/not-ready',
    path: `/api/routing/agents/${AGENT_ID}/not-ready`,
    as: SUPERVISOR,
    body: { reason: '班长强制' },
    before: [{ once: { path: '/api/routing/me/ready', as: AGENT, body: {} } }],
  },
  { route: 'POST /api/routing/me/log-out', path: '/api/routing/me/log-out', as: AGENT, body: {} },
  {
    route: 'POST /api/routing/agents/:agentId/log-out',
    path: `/api/routing/agents/${AGENT_ID}/log-out`,
    as: SUPERVISOR,
    body: {},
    before: [{ once: { path: '/api/routing/me/log-in', as: AGENT, body: {} } }],
  },
  {
    route: 'POST /api/routing/bulletins',
    path: '/api/routing/bulletins',
    as: SUPERVISOR,
    body: { bulletinId: 'idem-bulletin-1', text: '鼓楼区停水，预计18时恢复。', severity: 'info' },
  },
  {
    route: 'POST /api/routing/bulletins/:bulletinId/withdraw',
    path: '/api/routing/bulletins/idem-bulletin-1/withdraw',
    as: SUPERVISOR,
    body: {},
  },
];

/** A web chat (its queue is QUEUE here): opened on the portal, offered to the agent, written both ways. */
const CHAT_STEPS: readonly Step[] = [
  {
    route: 'POST /api/portal/chats',
    path: '/api/portal/chats',
    body: { text: '请问社保卡丢了怎么补办？' },
    before: [
      { once: { path: '/api/routing/me/log-in', as: AGENT, body: {} } },
      { once: { path: '/api/routing/me/ready', as: AGENT, body: {} } },
    ],
  },
  {
    route: 'POST /api/portal/chats/:chatId/messages',
    path: '/api/portal/chats/{chatId}/messages',
    body: { text: '我在鼓楼区' },
  },
  {
    route: 'POST /api/routing/me/chats/:contactId/messages',
    path: '/api/routing/me/chats/{chatId}/messages',
    as: AGENT,
    body: { text: '您好，请带身份证到社保服务网点补办。' },
    before: [{ once: { path: '/api/routing/me/accept', as: AGENT, body: { contactId: '{chatId}' } } }],
  },
  {
    route: 'POST /api/portal/chats/:chatId/leave',
    path: '/api/portal/chats/{chatId}/leave',
    body: {},
  },
];

/** In order: later steps act on what earlier ones made. `:action` routes: one representative each. */
/** An opinion poll round from its definition to a unit's verification (民主评议). */
const POLL = '/api/survey/polls/idem-poll';
const POLL_STEPS: readonly Step[] = [
  {
    route: 'POST /api/survey/polls',
    path: '/api/survey/polls',
    as: CENTER,
    body: {
      roundId: 'idem-poll',
      title: '民主评议',
      seed: 'idem',
      auditShare: 1,
      questionnaire: {
        units: [{ unitId: 'housing-bureau', name: '住建局' }],
        questions: [
          {
            questionId: 'attitude',
            text: '服务态度',
            weight: 1,
            options: [
              { key: 'satisfied', label: '满意', score: 100 },
              { key: 'dissatisfied', label: '不满意', score: 0 },
            ],
          },
        ],
      },
      quotas: [{ district: 'gulou', frame: 'hotline', count: 2 }],
    },
  },
  {
    route: 'POST /api/survey/polls/:roundId/frames',
    path: `${POLL}/frames`,
    as: CENTER,
    body: {
      frame: 'hotline',
      fileName: 'hotline.csv',
      content: '13900000001,gulou\n13900000002,gulou\n13900000003,gulou',
    },
  },
  { route: 'POST /api/survey/polls/:roundId/sample', path: `${POLL}/sample`, as: CENTER, body: {} },
  {
    route: 'POST /api/survey/polls/:roundId/interviews/next',
    path: `${POLL}/interviews/next`,
    as: AGENT,
    body: {},
  },
  {
    route: 'POST /api/survey/poll-interviews/:interviewId/answer',
    path: '/api/survey/poll-interviews/idem-poll.1/answer',
    as: AGENT,
    body: { evaluations: [{ unitId: 'housing-bureau', answers: { attitude: 'satisfied' } }] },
  },
  {
    route: 'POST /api/survey/poll-interviews/:interviewId/failure',
    path: '/api/survey/poll-interviews/idem-poll.2/failure',
    as: AGENT,
    body: { failure: 'not-reached' },
    before: [{ once: { path: `${POLL}/interviews/next`, as: AGENT, body: {} } }],
  },
  {
    route: 'POST /api/survey/poll-interviews/:interviewId/audit',
    path: '/api/survey/poll-interviews/idem-poll.1/audit',
    as: SUPERVISOR,
    body: { upheld: true },
  },
  { route: 'POST /api/survey/polls/:roundId/publish', path: `${POLL}/publish`, as: CENTER, body: {} },
  {
    route: 'POST /api/survey/polls/:roundId/units/:unitId/verification',
    path: `${POLL}/units/housing-bureau/verification`,
    as: HANDLER,
    body: { agreed: false, response: '第1条访问对象不是我局服务对象' },
  },
  {
    route: 'POST /api/survey/polls/:roundId/units/:unitId/dispute-reply',
    path: `${POLL}/units/housing-bureau/dispute-reply`,
    as: CENTER,
    body: { decision: 'upheld', reasons: '经复核录音，访问属实' },
  },
  { route: 'POST /api/survey/polls/:roundId/ivr/start', path: `${POLL}/ivr/start`, as: CENTER, body: {} },
  { route: 'POST /api/survey/polls/:roundId/ivr/pause', path: `${POLL}/ivr/pause`, as: CENTER, body: {} },
];

const STEPS: readonly Step[] = [
  {
    route: 'POST /api/cases',
    path: '/api/cases',
    as: CENTER,
    body: {
      caseId: 'idem-case-1',
      type: 'complaint',
      categoryCode: '030101',
      content: '小区旁工地夜间施工噪声扰民',
      citizen: { name: '周先生', phone: '13900007777' },
      channel: 'phone',
    },
  },
  {
    route: 'POST /api/cases/:caseId/:action',
    path: '/api/cases/idem-case-1/dispatch',
    as: CENTER,
    body: { leadUnitId: 'housing-bureau' },
  },
  { route: 'POST /api/cases/:caseId/:action', path: '/api/cases/idem-case-1/sign', as: HANDLER, body: {} },
  ...ESCALATION_STEPS,
  {
    route: 'POST /api/cases/:caseId/:action',
    path: '/api/cases/idem-case-1/reply',
    as: HANDLER,
    body: { result: '已责成施工单位夜间停工，现场已复查。' },
  },
  {
    route: 'POST /api/cases/:caseId/:group/:action',
    path: '/api/cases/idem-case-1/review/accept',
    as: CENTER,
    body: {},
  },
  surveyTask('idem-cb-1', 'desk'),
  {
    route: 'POST /api/survey/callback-tasks/:taskId/attempts',
    path: '/api/survey/callback-tasks/idem-cb-1/attempts',
    as: AGENT,
    body: { method: 'desk', failure: 'no-answer' },
  },
  {
    route: 'POST /api/survey/callback-tasks/:taskId/answer',
    path: '/api/survey/callback-tasks/idem-cb-1/answer',
    as: AGENT,
    body: {
      method: 'desk',
      ratings: { efficiency: 'satisfied', attitude: 'satisfied', result: 'dissatisfied' },
      comment: '晚上还有噪声',
    },
  },
  {
    route: 'POST /api/survey/callback-tasks/:taskId/fault',
    path: '/api/survey/callback-tasks/idem-cb-1/fault',
    as: CENTER,
    body: { unitAtFault: false, note: '施工许可内作业' },
  },
  surveyTask('idem-cb-2', 'desk'),
  {
    route: 'POST /api/survey/callback-tasks/:taskId/unreachable',
    path: '/api/survey/callback-tasks/idem-cb-2/unreachable',
    as: AGENT,
    body: {},
  },
  surveyTask('idem-cb-3', 'sms'),
  {
    route: 'POST /api/public/surveys/:token/answer',
    path: `/api/public/surveys/${SURVEY_TOKEN}/answer`,
    body: { ratings: { efficiency: 'satisfied', attitude: 'satisfied', result: 'satisfied' } },
  },
  {
    route: 'POST /api/contacts',
    path: '/api/contacts',
    as: AGENT,
    body: {
      contactId: 'idem-contact-1',
      channel: 'phone',
      content: '咨询公积金提取',
      caller: { phone: '13900008888' },
    },
  },
  {
    route: 'POST /api/contacts/:contactId/:action',
    path: '/api/contacts/idem-contact-1/abandon',
    as: AGENT,
    body: {},
  },
  {
    route: 'POST /api/portal/contacts',
    path: '/api/portal/contacts',
    body: { content: '我家楼下路灯坏了一个星期，晚上很黑，请尽快修理。', caller: { phone: '13900009999' } },
  },
  {
    // An Open311 client's request: a contact like the portal's, by the signed-in key holder.
    route: 'POST /open311/v2/requests.:format',
    path: '/open311/v2/requests.json',
    as: AGENT,
    body: { service_code: '010102', address_string: '鼓楼区南后街12号', description: '南后街路灯不亮' },
  },
  {
    route: 'POST /api/dispatch-catalogue/entries',
    path: '/api/dispatch-catalogue/entries',
    as: ADMIN,
    body: { categoryCode: '030101', unitId: 'housing-bureau' },
  },
  {
    route: 'POST /api/dispatch-catalogue/entries/remove',
    path: '/api/dispatch-catalogue/entries/remove',
    as: ADMIN,
    body: { categoryCode: '030101' },
  },
  {
    route: 'POST /api/knowledge',
    path: '/api/knowledge',
    as: CENTER,
    body: {
      articleId: 'idem-kb-1',
      content: { title: '公积金提取', body: '携带身份证到服务大厅办理。', owningUnitId: 'housing-bureau' },
    },
  },
  {
    route: 'POST /api/knowledge/:articleId/revise',
    path: '/api/knowledge/idem-kb-1/revise',
    as: CENTER,
    body: {
      baseVersion: 1,
      content: {
        title: '公积金提取',
        body: '携带身份证到任一服务大厅办理。',
        owningUnitId: 'housing-bureau',
      },
    },
  },
  {
    route: 'POST /api/knowledge/:articleId/:action',
    path: '/api/knowledge/idem-kb-1/retire',
    as: CENTER,
    body: { reason: '政策已调整' },
  },
  {
    route: 'POST /api/settings/calendar/days',
    path: '/api/settings/calendar/days',
    as: ADMIN,
    body: { date: '2026-07-15', kind: 'holiday', name: '本市防汛停工' },
  },
  {
    route: 'POST /api/settings/calendar/days/:date/clear',
    path: '/api/settings/calendar/days/2026-07-15/clear',
    as: ADMIN,
    body: {},
  },
  {
    route: 'POST /api/settings/categories',
    path: '/api/settings/categories',
    as: ADMIN,
    body: { code: '030197', name: '施工扬尘', nameEn: 'Construction dust', parentCode: '030100' },
  },
  {
    route: 'POST /api/settings/categories/:code/rename',
    path: '/api/settings/categories/030197/rename',
    as: ADMIN,
    body: { name: '工地扬尘', nameEn: 'Site dust' },
  },
  {
    route: 'POST /api/settings/categories/:code/retire',
    path: '/api/settings/categories/030197/retire',
    as: ADMIN,
    body: {},
  },
  {
    route: 'POST /api/settings/categories/:code/reactivate',
    path: '/api/settings/categories/030197/reactivate',
    as: ADMIN,
    body: {},
  },
  {
    route: 'POST /api/settings/deadlines/:caseType',
    path: '/api/settings/deadlines/complaint',
    as: ADMIN,
    body: { workingDays: 8 },
  },
  {
    route: 'POST /api/units',
    path: '/api/units',
    as: ADMIN,
    body: { unitId: 'idem-unit-1', name: '鼓楼区测试街道', level: 'street', parentId: 'gulou' },
  },
  {
    route: 'POST /api/units/:unitId/contacts',
    path: '/api/units/idem-unit-1/contacts',
    as: ADMIN,
    body: { contacts: [{ role: 'duty', name: '值班室', phone: '13900005555' }] },
  },
  {
    route: 'POST /api/units/:unitId/deactivate',
    path: '/api/units/idem-unit-1/deactivate',
    as: ADMIN,
    body: { reason: '机构合并' },
  },
  {
    route: 'POST /api/accounts',
    path: '/api/accounts',
    as: ADMIN,
    body: {
      username: 'idem-user-1',
      displayName: '测试坐席',
      password: 'Hotline@12345x',
      role: 'agent',
      districtId: 'city',
    },
  },
  {
    route: 'POST /api/accounts/:username/scope',
    path: '/api/accounts/idem-user-1/scope',
    as: ADMIN,
    body: { role: 'supervisor', districtId: 'city' },
  },
  {
    route: 'POST /api/accounts/:username/password',
    path: '/api/accounts/idem-user-1/password',
    as: ADMIN,
    body: { password: 'Hotline@67890y' },
  },
  {
    route: 'POST /api/accounts/:username/:action',
    path: '/api/accounts/idem-user-1/disable',
    as: ADMIN,
    body: {},
  },
  {
    route: 'POST /api/api-tokens',
    path: '/api/api-tokens',
    as: ADMIN,
    body: { name: '短信网关', role: 'agent', districtId: 'city' },
  },
  {
    route: 'POST /api/api-tokens/:tokenId/revoke',
    path: '/api/api-tokens/{tokenId}/revoke',
    as: ADMIN,
    body: {},
  },
  {
    route: 'POST /api/blocklist',
    path: '/api/blocklist',
    as: CENTER,
    body: { phone: '13900006666', reason: '多次辱骂话务员' },
  },
  {
    route: 'POST /api/blocklist/unblock',
    path: '/api/blocklist/unblock',
    as: CENTER,
    body: { phone: '13900006666' },
  },
  ...ROUTING_STEPS,
  ...CHAT_STEPS,
  ...POLL_STEPS,
  // The skill catalogue: named, then removed (it is used by no queue or seat).
  {
    route: 'PUT /api/routing/skills/:skillId',
    path: '/api/routing/skills/biz.housing',
    method: 'PUT',
    as: ADMIN,
    body: { name: '住房保障', nameEn: 'Housing', kind: 'business', expectedVersion: 0 },
  },
  {
    route: 'POST /api/routing/skills/:skillId/remove',
    path: '/api/routing/skills/biz.housing/remove',
    as: ADMIN,
    body: { expectedVersion: 1 },
  },
  // The IVR: the shipped flow published as version 1, a live announcement set and cleared.
  {
    route: 'POST /api/telephony/flows/publish',
    path: '/api/telephony/flows/publish',
    as: ADMIN,
    body: { flow: DEFAULT_IVR_FLOW, baseVersion: 0 },
  },
  {
    route: 'POST /api/telephony/announcement',
    path: '/api/telephony/announcement',
    as: SUPERVISOR,
    body: { text: { 'zh-CN': '鼓楼区部分小区停电，正在抢修。' } },
  },
  {
    route: 'POST /api/telephony/announcement/clear',
    path: '/api/telephony/announcement/clear',
    as: SUPERVISOR,
    body: {},
  },
  {
    route: 'PUT /api/reports/kpi-targets',
    path: '/api/reports/kpi-targets',
    method: 'PUT',
    as: CENTER,
    body: { expectedVersion: 0, targets: { satisfaction: 0.95, onTimeCompletion: 0.97 } },
  },
];

describe('Every POST and PUT route, repeated with the same commandId, has one effect [embedded]', () => {
  let running: BootedPlatform;
  let http: HotlineHttp;
  let bus: BusRequests;

  beforeAll(async () => {
    const intake = createIntakeService({ config: loadConfig(intakeConfigSchema, {}, 'idempotency-e2e') });
    const survey = createSurveyService({
      env: { SURVEY_LINK_SECRET, SURVEY_DUE_RUNNER: 'false', SURVEY_AUDIT_SHARE: '0' },
    });
    // Web chats wait in the walk's queue, where the agent is a member with a chat capacity.
    process.env.HOTLINE_CHAT_QUEUE = QUEUE;
    running = await bootPlatform([
      workflowService,
      intake,
      escalationService,
      routingService,
      survey,
      reportingService,
      sipappService,
      gatewayService,
    ]);
    http = new HotlineHttp(running.url);
    bus = new BusRequests(running.platform.client());
  });
  afterAll(async () => {
    delete process.env.HOTLINE_CHAT_QUEUE;
    await running.close();
  });

  /** What earlier steps made and later paths name: the API token, the web chat. */
  const made = { tokenId: '', chatId: '' };
  const fill = (text: string): string =>
    text.replace('{tokenId}', made.tokenId).replace('{chatId}', made.chatId);

  const eventsOf = async (commandId: string): Promise<number> =>
    (await running.platform.eventStore.readAll()).filter((event) => event.metadata.commandId === commandId)
      .length;

  /** The command twice; what each answered and how many events the command id has after each. */
  const twice = async (step: Step, path: string, commandId: string) => {
    const body = { ...step.body, commandId };
    const method = step.method ?? 'POST';
    const first = await http.request<Json>(method, path, { ...(step.as ? { as: step.as } : {}), body });
    const afterFirst = await eventsOf(commandId);
    const second = await http.request<Json>(method, path, { ...(step.as ? { as: step.as } : {}), body });
    return { first, second, afterFirst, afterSecond: await eventsOf(commandId) };
  };

  /** A contact queued by the telephony (offered at once to the ready agent), or a request sent once. */
  const prepare = async (setup: Setup, index: number): Promise<void> => {
    if ('queue' in setup) {
      await bus.command(
        QueueContact,
        `idem-setup-${index}-${setup.queue}`,
        {
          contactId: setup.queue,
          queueId: QUEUE,
          channel: 'voice',
          callerNumber: '13900004444',
          urgent: false,
          requiredSkills: [],
        },
        { actor: systemActor('idempotency-e2e'), districtId: 'city' },
      );
      return;
    }
    const { path, as } = setup.once;
    const body = JSON.parse(fill(JSON.stringify(setup.once.body))) as Json;
    const commandId = `idem-setup-${index}-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
    const answer = await http.request('POST', path, { as, body: { ...body, commandId } });
    if (answer.status >= 300)
      throw new Error(`setup ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };

  it('covers every POST and PUT route: a step here, or a reason it is not a command', () => {
    const posts = gatewayRouteTable()
      .filter((route) => route.method === 'POST' || route.method === 'PUT')
      .map((route) => `${route.method} ${route.path}`);
    const covered = new Set([...STEPS.map((step) => step.route), ...Object.keys(NOT_COMMANDS)]);
    expect(posts.filter((route) => !covered.has(route))).toEqual([]);
  });

  it('answers a repeat as the first time and appends nothing more', async () => {
    const failures: string[] = [];
    const tokens: string[] = [];
    const issued: Json[] = [];
    for (const [index, step] of STEPS.entries()) {
      const commandId = `idem-${index}-${step.path.replace(/[^A-Za-z0-9]+/g, '-').slice(-40)}`;
      const path = fill(step.path);
      for (const [n, setup] of (step.before ?? []).entries()) await prepare(setup, index * 10 + n);
      const { first, second, afterFirst, afterSecond } = await twice(step, path, commandId);
      const where = `${path}: ${JSON.stringify(first.body).slice(0, 200)}`;
      if (first.status >= 300) failures.push(`${first.status} on the first try ${where}`);
      else if (afterFirst === 0) failures.push(`no event with the command id ${where}`);
      if (second.status !== first.status) failures.push(`${second.status} on the repeat ${where}`);
      if (afterSecond !== afterFirst)
        failures.push(`${afterSecond - afterFirst} more events on the repeat ${where}`);
      if (step.route === 'POST /api/api-tokens') {
        tokens.push(String(first.body.tokenId));
        made.tokenId = String(first.body.tokenId);
        issued.push(first.body, second.body);
      }
      if (step.route === 'POST /api/portal/chats') made.chatId = String(first.body.chatId);
    }
    expect(failures).toEqual([]);
    // The secret is shown once; the repeat names the same token without it.
    expect(issued[0]?.token).toEqual(expect.stringMatching(/^hlt_/));
    expect(issued[1]).toEqual({ tokenId: tokens[0], alreadyIssued: true });
    const listed = await http.request<Json[]>('GET', '/api/api-tokens', { as: ADMIN });
    expect(listed.body.filter((token) => token.name === '短信网关')).toHaveLength(1);
  });
});
