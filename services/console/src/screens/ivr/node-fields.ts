import type { IvrNodeKind } from '@hotline/contracts';

/** How the side panel edits one field of a node. */
export type FieldEditor =
  | { type: 'text' }
  | { type: 'prompt' }
  | { type: 'prompts' }
  | { type: 'target' }
  | { type: 'optional-target' }
  | { type: 'number'; min: number; max: number }
  | { type: 'switch' }
  | { type: 'choice'; values: readonly string[] }
  | { type: 'queue' }
  | { type: 'keys'; to: 'target' | 'answer' | 'language' }
  | { type: 'sessions' };

const target = { type: 'target' } as const;
const prompt = { type: 'prompt' } as const;
const text = { type: 'text' } as const;
const seconds = (min: number, max: number) => ({ type: 'number', min, max }) as const;
const attempts = { type: 'number', min: 1, max: 5 } as const;

/**
 * The fields of each kind of node in the order the panel shows them, with the bounds of the schema
 * (contracts' `ivr-flow.schema.ts`), so an input cannot go outside them; what it still refuses (a
 * name that is not a slug) is named on the node by the validator.
 */
export const NODE_FIELDS: Readonly<Record<IvrNodeKind, ReadonlyArray<readonly [string, FieldEditor]>>> = {
  play: [
    ['prompts', { type: 'prompts' }],
    ['next', target],
  ],
  menu: [
    ['prompt', prompt],
    ['options', { type: 'keys', to: 'target' }],
    ['timeoutSeconds', seconds(1, 30)],
    ['attempts', attempts],
    ['onFail', target],
  ],
  collect: [
    ['prompt', prompt],
    ['into', text],
    ['minDigits', seconds(1, 20)],
    ['maxDigits', seconds(1, 20)],
    ['terminator', { type: 'choice', values: ['#', '*'] }],
    ['timeoutSeconds', seconds(1, 60)],
    ['attempts', attempts],
    ['readBack', { type: 'switch' }],
    ['next', target],
    ['onFail', target],
  ],
  record: [
    ['prompt', prompt],
    ['purpose', { type: 'choice', values: ['complaint', 'mayor-mailbox', 'voicemail'] }],
    ['maxSeconds', seconds(5, 600)],
    ['next', target],
    ['onCancel', target],
  ],
  'case-status': [
    ['from', text],
    ['next', target],
    ['onNotFound', target],
  ],
  enqueue: [
    ['queueId', { type: 'queue' }],
    ['urgent', { type: 'switch' }],
    ['matchLanguage', { type: 'switch' }],
    ['afterCall', { type: 'optional-target' }],
  ],
  transfer: [['number', text]],
  'callback-offer': [
    ['prompt', prompt],
    ['accepted', target],
    ['declined', target],
  ],
  survey: [
    ['question', text],
    ['prompt', prompt],
    ['options', { type: 'keys', to: 'answer' }],
    ['next', target],
  ],
  'business-hours': [
    ['days', { type: 'choice', values: ['working-days', 'every-day'] }],
    ['sessions', { type: 'sessions' }],
    ['open', target],
    ['closed', target],
  ],
  blocklist: [
    ['allowed', target],
    ['blocked', target],
  ],
  announcement: [['next', target]],
  language: [
    ['prompt', prompt],
    ['options', { type: 'keys', to: 'language' }],
    ['timeoutSeconds', seconds(1, 30)],
    ['next', target],
  ],
  hangup: [['prompts', { type: 'prompts' }]],
};

/** The node kinds in the order the 添加节点 menu lists them. */
export const NODE_KINDS = Object.keys(NODE_FIELDS) as IvrNodeKind[];

export const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;
