import type { PromptKey, PromptLanguage } from './telephony.values';

/**
 * The words of the shipped prompts, per language. The sipapp's prompt script turns them into WAV files
 * with espeak-ng (a machine voice; a city records its own with the same names), and the console's
 * test-call panel shows them as it plays them.
 */
export const IVR_PROMPT_TEXT: Record<string, Record<PromptLanguage, string>> = {
  welcome: {
    'zh-CN': '您好，欢迎致电12345政务服务便民热线。',
    en: 'Welcome to the 12345 citizen service hotline.',
  },
  'main-menu': {
    'zh-CN': '人工服务请按1，自助服务请按2。',
    en: 'For an agent, press 1. For self-service, press 2.',
  },
  'self-service-menu': {
    'zh-CN':
      '市长信箱请按1，投诉举报录音请按2，办件进度查询请按3，自助咨询请按4，民意调查请按5，返回上级请按星号键。',
    en: "For the mayor's mailbox press 1, to record a complaint press 2, to check a case press 3, for self-service information press 4, for the opinion poll press 5, to go back press star.",
  },
  'choose-language': {
    'zh-CN': '普通话请按1。For English, press 2.',
    en: '普通话请按1。For English, press 2.',
  },
  'invalid-choice': { 'zh-CN': '您的输入有误，请重新输入。', en: 'Sorry, that is not a valid choice.' },
  'no-input': { 'zh-CN': '没有收到您的按键。', en: 'We did not hear a key.' },
  goodbye: { 'zh-CN': '感谢您的来电，再见。', en: 'Thank you for calling. Goodbye.' },
  blocked: {
    'zh-CN': '您的号码暂时无法使用本热线服务。',
    en: 'This number cannot use the hotline at present.',
  },
  'off-hours': {
    'zh-CN': '现在是非工作时间，人工服务时间为工作日上午八点半至下午五点半。',
    en: 'The agents are available on working days from 8:30 to 17:30.',
  },
  'off-hours-menu': {
    'zh-CN': '留言请按1，自助服务请按2。',
    en: 'To leave a message press 1, for self-service press 2.',
  },
  'please-hold': {
    'zh-CN': '正在为您转接人工服务，请稍候。',
    en: 'Connecting you to an agent, please hold.',
  },
  'queue-position': { 'zh-CN': '您前面还有', en: 'Callers ahead of you:' },
  'queue-position-end': { 'zh-CN': '位来电人在等候。', en: '.' },
  'agent-number': { 'zh-CN': '工号', en: 'Agent number' },
  'agent-serves-you': { 'zh-CN': '号话务员为您服务。', en: 'is serving you.' },
  'complaint-prompt': {
    'zh-CN': '请在提示音后说出您的姓名、单位、反映的事项和联系方式，按井号键结束。',
    en: 'After the tone, say your name, unit, the matter and how to reach you. Press hash to finish.',
  },
  'mailbox-prompt': {
    'zh-CN': '这里是市长信箱，请在提示音后留言，按井号键结束。',
    en: "This is the mayor's mailbox. Leave your message after the tone and press hash.",
  },
  'message-prompt': {
    'zh-CN': '请在提示音后留言，按井号键结束。',
    en: 'Leave your message after the tone and press hash.',
  },
  beep: { 'zh-CN': '', en: '' },
  'record-confirm': {
    'zh-CN': '确认请按1，重听请按2，取消请按3。',
    en: 'To confirm press 1, to listen again press 2, to cancel press 3.',
  },
  'recording-cancelled': { 'zh-CN': '您的录音已取消。', en: 'Your recording was cancelled.' },
  'message-received': { 'zh-CN': '您的留言已收到。', en: 'Your message was received.' },
  'your-case-number-is': { 'zh-CN': '您的受理编号是', en: 'Your case number is' },
  'enter-case-number': {
    'zh-CN': '请输入八位受理编号，按井号键结束。',
    en: 'Enter the eight-digit case number, then press hash.',
  },
  'you-entered': { 'zh-CN': '您输入的是', en: 'You entered' },
  'confirm-reenter': {
    'zh-CN': '确认请按1，重新输入请按2。',
    en: 'To confirm press 1, to re-enter press 2.',
  },
  'case-not-found': { 'zh-CN': '没有查到这个编号的办件。', en: 'No case has that number.' },
  'case-status-accepted': {
    'zh-CN': '您的诉求已受理，正在转办。',
    en: 'Your case was accepted and is being dispatched.',
  },
  'case-status-in-progress': { 'zh-CN': '您的诉求正在办理中。', en: 'Your case is being handled.' },
  'case-status-completed': { 'zh-CN': '您的诉求已办结。', en: 'Your case is completed.' },
  'case-status-not-accepted': { 'zh-CN': '您的诉求不予受理。', en: 'Your case was not accepted.' },
  'knowledge-menu': {
    'zh-CN': '社保查询请按1，公积金请按2，户籍办理请按3，返回请按星号键。',
    en: 'Social insurance press 1, housing fund press 2, household registration press 3, back press star.',
  },
  'knowledge-social-insurance': {
    'zh-CN': '社保缴费记录可在人社局网站或政务服务应用查询。',
    en: 'Social insurance records are online at the human resources bureau.',
  },
  'knowledge-housing-fund': {
    'zh-CN': '公积金业务请咨询住房公积金管理中心。',
    en: 'Ask the housing provident fund centre about the housing fund.',
  },
  'knowledge-household': {
    'zh-CN': '户籍业务请携带身份证到辖区派出所办理。',
    en: 'Household registration: bring your ID card to the local police station.',
  },
  'poll-question': {
    'zh-CN': '您对本市政务服务是否满意？满意请按1，基本满意请按2，不满意请按3。',
    en: 'Are you satisfied with city services? Satisfied 1, basically 2, dissatisfied 3.',
  },
  'satisfaction-question': {
    'zh-CN': '请对本次服务进行评价：满意请按1，基本满意请按2，不满意请按3。',
    en: 'Please rate this call: satisfied 1, basically satisfied 2, dissatisfied 3.',
  },
  'thank-you-rating': { 'zh-CN': '感谢您的评价。', en: 'Thank you for your rating.' },
  'callback-offer': {
    'zh-CN': '当前等候人数较多，需要回电请按1，继续等候请按2。',
    en: 'Many callers are waiting. For a callback press 1, to keep waiting press 2.',
  },
  'callback-confirmed': { 'zh-CN': '我们将尽快给您回电。', en: 'We will call you back soon.' },
  transferring: { 'zh-CN': '正在为您转接，请稍候。', en: 'Transferring you, please hold.' },
  ...digitPrompts(),
};

function digitPrompts(): Record<string, Record<PromptLanguage, string>> {
  const zh = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const en = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  return Object.fromEntries(zh.map((word, d) => [`digit-${d}`, { 'zh-CN': word, en: en[d]! }]));
}

/** A digit string as the prompts that read it one digit at a time (case numbers, queue positions). */
export const digitPromptKeys = (digits: string): PromptKey[] =>
  [...digits].filter((c) => c >= '0' && c <= '9').map((c) => `digit-${c}`);
