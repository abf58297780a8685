import type { EmergencyService, NotAcceptedReason } from '@hotline/contracts';

export interface Explanation {
  zh: string;
  en: string;
}

/** What the citizen is told when a request is not accepted (不予受理), and where to go instead. */
export const NOT_ACCEPTED_EXPLANATIONS: Readonly<Record<NotAcceptedReason, Explanation>> = {
  'secrets-or-privacy': {
    zh: '您的诉求涉及国家秘密、商业秘密或他人隐私，12345热线不予受理，请通过合法途径向有关单位申请。',
    en: 'Your request concerns state or commercial secrets or another person’s privacy, which the 12345 hotline does not handle; please apply to the competent body through legal channels.',
  },
  'other-authority': {
    zh: '您的诉求属于人大、政协、纪检监察、法院、检察院或军队职责范围，12345热线不予受理，请向相关机关反映。',
    en: 'Your request falls to the people’s congress, the CPPCC, discipline inspection, the courts, the procuratorate or the military; please contact that body directly.',
  },
  'in-legal-proceedings': {
    zh: '您反映的事项已进入诉讼、仲裁、行政复议或信访程序，12345热线不予受理，请按相应程序办理。',
    en: 'Your matter is already in litigation, arbitration, administrative review or a petition; please follow that procedure.',
  },
  'already-being-handled': {
    zh: '您反映的事项正在办理中，请耐心等待承办单位答复，可凭受理号查询办理进度。',
    en: 'Your matter is already being handled; you will hear from the handling unit, and you can follow it with your case number.',
  },
  'already-concluded': {
    zh: '您反映的事项已办结，且本次未提出新的事实和理由，12345热线不再重复受理。',
    en: 'Your matter has been concluded and you raise no new facts, so the hotline does not take it again.',
  },
  'emergency-110': {
    zh: '您反映的情况属于紧急警情，请立即拨打110报警电话。',
    en: 'This is an emergency for the police: call 110 now.',
  },
  'emergency-119': {
    zh: '您反映的情况属于火灾等紧急险情，请立即拨打119火警电话。',
    en: 'This is a fire or rescue emergency: call 119 now.',
  },
  'emergency-120': {
    zh: '您反映的情况涉及人身伤害或急病，请立即拨打120急救电话。',
    en: 'Someone is injured or seriously ill: call 120 for an ambulance now.',
  },
  'emergency-122': {
    zh: '您反映的情况属于交通事故，请立即拨打122交通事故报警电话。',
    en: 'This is a traffic accident: call 122 now.',
  },
  'outside-jurisdiction': {
    zh: '您反映的事项不属于本市管辖范围，请向事发地的政务服务便民热线反映。',
    en: 'Your matter lies outside this city; please contact the citizen hotline where it happened.',
  },
};

export const explainNotAccepted = (reason: NotAcceptedReason): Explanation =>
  NOT_ACCEPTED_EXPLANATIONS[reason];

export const explainReferral = (service: EmergencyService): Explanation =>
  NOT_ACCEPTED_EXPLANATIONS[`emergency-${service}`];

/** The one text sent back through SMS, WeChat or mail: Chinese first, English after. */
export const bilingual = (explanation: Explanation): string => `${explanation.zh}\n${explanation.en}`;
