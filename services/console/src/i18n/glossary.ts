/**
 * One term per thing across the console (zh-CN first, with the English the console uses). A text
 * that uses an avoided word for a thing fails `glossary.spec.ts`; add a term here before using a
 * new word for a thing of the closed loop. Names follow DOMAIN.md's glossary.
 */
export interface GlossaryTerm {
  zh: string;
  en: string;
  /** Other words for the same thing that the console must not use. */
  avoid: readonly string[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { zh: '工单', en: 'case', avoid: ['案件'] },
  { zh: '工单号', en: 'case number', avoid: ['受理号', '案件编号', '案件号'] },
  { zh: '受理', en: 'intake / register', avoid: [] },
  { zh: '派单', en: 'dispatch', avoid: ['转派'] },
  { zh: '改派', en: 're-dispatch', avoid: ['重新派单'] },
  { zh: '承办单位', en: 'handling unit', avoid: ['处理单位', '办理单位'] },
  { zh: '主办', en: 'lead', avoid: [] },
  { zh: '协办', en: 'co-handler', avoid: [] },
  { zh: '签收', en: 'sign', avoid: ['接收工单'] },
  { zh: '退单', en: 'return', avoid: [] },
  { zh: '延期', en: 'extension', avoid: ['延时'] },
  { zh: '答复', en: 'reply', avoid: ['回复结果'] },
  { zh: '审核', en: 'review', avoid: [] },
  { zh: '办结', en: 'complete', avoid: [] },
  { zh: '回访', en: 'callback', avoid: ['回电'] },
  { zh: '重办', en: 'redo', avoid: [] },
  { zh: '督办', en: 'supervision', avoid: [] },
  { zh: '呈报', en: 'report to leader', avoid: [] },
  { zh: '批示', en: 'instruction', avoid: [] },
  { zh: '举报', en: 'report (case type)', avoid: [] },
  { zh: '来电人', en: 'caller', avoid: [] },
];
