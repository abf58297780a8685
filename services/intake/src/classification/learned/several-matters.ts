/**
 * Words with which people bring up a second matter ("另外还有个事", "顺便说一下", "再一个"). A
 * request with two matters goes to an agent: which one is the case is the agent's call.
 */
const SECOND_MATTER = /另外|还有个事|还有一个事|还有就是|顺便|再一个|再说一个|第二个|两个事|两件事|一个是/u;

export const mentionsSeveralMatters = (text: string): boolean => SECOND_MATTER.test(text);

/**
 * Where the text turns to a second matter (its length when it does not): people bring up the
 * matter they call about first, so the model weighs what follows less.
 */
export function secondMatterAt(text: string): number {
  const found = SECOND_MATTER.exec(text);
  return found ? found.index : text.length;
}
