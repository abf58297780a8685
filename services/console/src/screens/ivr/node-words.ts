import { IVR_PROMPT_TEXT, type FlowProblem, type FlowProblemReason, type IvrNode } from '@hotline/contracts';
import type { Locale, Translate } from '../../i18n';

/** A prompt's words in the reader's language (the words the WAV file says); a prompt without words: its kind. */
export const promptWords = (key: string, locale: Locale): string | undefined =>
  IVR_PROMPT_TEXT[key]?.[locale] || undefined;

/** The prompts a node plays, in order (the chart shows the first, the panel all). */
export function promptsOf(node: IvrNode): string[] {
  if ('prompts' in node) return node.prompts;
  if ('prompt' in node) return [node.prompt];
  return [];
}

/** A way out's label on the chart's arrow: the key itself, or the outcome in words (超时或无效…). */
export const wayLabel = (on: string, t: Translate): string => (on.length === 1 ? on : t(`ivr.way.${on}`));

/** The refusal's name on the node (不可达, 无出口, 循环无出口…). */
export const reasonLabel = (reason: FlowProblemReason, t: Translate): string => t(`ivr.reason.${reason}`);

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

/**
 * A node as people name it: its title, else its kind and the start of what it says (three untitled
 * 播放语音 nodes stay apart by their words). Node ids are never shown.
 */
export function nodeLabel(node: IvrNode, t: Translate, locale: Locale): string {
  if (node.title !== undefined && node.title !== '') return node.title;
  const kind = t(`ivr.kind.${node.kind}`);
  const first = promptsOf(node)
    .map((key) => promptWords(key, locale))
    .find((words) => words !== undefined);
  return first === undefined
    ? kind
    : `${kind}${locale === 'en' ? ': ' : '：'}${shorten(first, locale === 'en' ? 24 : 12)}`;
}

/** Why the validator refuses the node, in words; a field the schema refuses is named by its label. */
export function problemText(problem: FlowProblem, t: Translate): string {
  if (problem.reason !== 'invalid-document') return t(`ivr.reasonText.${problem.reason}`);
  // The schema's path: nodes.<id>.<field>…
  const field = problem.message.split(':')[0]?.split('.')[2];
  const known = field !== undefined && t(`ivr.field.${field}`) !== `ivr.field.${field}`;
  return known
    ? t('ivr.reasonText.field', { field: t(`ivr.field.${field}`) })
    : t('ivr.reasonText.invalid-document');
}
