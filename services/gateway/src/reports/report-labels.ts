/**
 * The zh-CN names of the report's KPIs and counters as exports and print show them (the console has
 * its own i18n tables for the screen, in Chinese and English).
 */
export const KPI_LABELS: Record<string, string> = {
  dispatchOnTime: '转办及时率',
  onTimeCompletion: '按期办结率',
  completion: '办结率',
  firstContactResolution: '直接办结率',
  callbackRate: '回访率',
  satisfaction: '满意率',
  processSatisfaction: '过程满意率',
  resultSatisfaction: '结果满意率',
  beijingResponse: '响应率',
  beijingResolution: '解决率',
  beijingSatisfaction: '满意率（三率）',
  signOnTime: '签收及时率',
  returnRate: '退单率',
  redoRate: '重办率',
  repeatContactRate: '重复来电率',
  answerRate: '人工接通率',
  serviceLevel15s: '15秒应答率',
  averageSpeedOfAnswer: '平均应答时长（秒）',
  abandonRate: '放弃率',
  averageHandleTime: '平均处理时长（秒）',
};

export const COUNTER_LABELS: Record<string, string> = {
  received: '受理量',
  assigned: '承办数',
  dispatched: '转办量',
  completed: '办结量',
  evaluated: '回访评价数',
  repeatContacts: '重复来电',
};

export const GROUP_LABELS: Record<string, string> = {
  district: '区县',
  unit: '承办单位',
  category: '诉求分类',
  channel: '渠道',
  type: '诉求类型',
  day: '日期',
  week: '周',
  month: '月份',
  quarter: '季度',
  year: '年度',
};

export const TYPE_LABELS: Record<string, string> = {
  consult: '咨询',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  help: '求助',
  praise: '表扬',
};
