/** What the citizen reads back on SMS, WeChat or mail (zh-CN, as the hotline writes to citizens). */
export const citizenReplies = {
  registered: (caseNumber: string | undefined): string =>
    caseNumber
      ? `【12345】您的诉求已受理，受理号${caseNumber}。可凭受理号和来电号码后四位查询办理进度。`
      : '【12345】您的诉求已受理，受理号稍后以短信告知。',
  merged: (caseNumber: string | undefined): string =>
    caseNumber
      ? `【12345】您反映的事项已并入受理号${caseNumber}一并办理，请耐心等待承办单位答复。`
      : '【12345】您反映的事项已在办理中，已并入原工单一并办理，请耐心等待答复。',
  received: (): string => '【12345】您的诉求已收到，工作人员将尽快处理并答复您。',
  /** A number reserved on submit: the case waits for an agent's review, and is tracked with it already. */
  receivedWithNumber: (caseNumber: string): string =>
    `【12345】您的诉求已收到，工单号${caseNumber}，工作人员审核后办理。可凭工单号和来电号码后四位查询办理进度。`,
  /** The emergency number first; the request is kept and an agent confirms it. */
  possibleEmergency: (referral: string): string =>
    `【12345】${referral}您的诉求已记录，工作人员会尽快确认并与您联系。`,
  answered: (answer: string): string => `【12345】${answer}`,
};
