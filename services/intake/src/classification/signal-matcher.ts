import { normalizeText } from '../text/normalize-text';
import type { SignalRule } from './city-dictionary.schema';

/** How far around a match a suppressor cancels it, in characters. */
const SUPPRESSOR_WINDOW = 6;

export interface SignalMatch {
  score: number;
  /** The keywords and patterns that fired. */
  signals: string[];
}

interface CompiledRule {
  keywords: string[];
  patterns: Array<{ source: string; regex: RegExp }>;
  suppressors: string[];
  weight: number;
  override: boolean;
}

/** A rule prepared for matching: phrases normalised like the text, patterns compiled once. */
export function compileRule(rule: SignalRule): CompiledRule {
  return {
    // Longest first, so that a keyword inside a longer one that matched is not counted again.
    keywords: rule.keywords.map(normalizeText).sort((a, b) => b.length - a.length),
    patterns: rule.patterns.map((source) => ({ source, regex: new RegExp(source, 'gu') })),
    suppressors: rule.suppressors.map(normalizeText),
    weight: rule.weight,
    override: rule.override,
  };
}

function suppressed(text: string, start: number, end: number, suppressors: readonly string[]): boolean {
  if (suppressors.length === 0) return false;
  const window = text.slice(Math.max(0, start - SUPPRESSOR_WINDOW - 4), end + SUPPRESSOR_WINDOW);
  return suppressors.some((s) => window.includes(s));
}

/**
 * Scores a normalised text against a rule. A keyword counts once however often it occurs, and not
 * where a longer keyword of the rule already matched (公交 inside 公交站); a longer keyword counts
 * more (a 4-character phrase is more telling than a 2-character one); a pattern counts double.
 * Occurrences with a suppressor nearby do not count.
 */
const NO_MATCH: SignalMatch = Object.freeze({ score: 0, signals: Object.freeze([]) as unknown as string[] });

const within = (covered: ReadonlyArray<[number, number]> | undefined, start: number, end: number) =>
  covered?.some(([s, e]) => start >= s && end <= e) ?? false;

export function matchRule(text: string, rule: CompiledRule): SignalMatch {
  // Most rules fire on no text: nothing is allocated until one does.
  let score = 0;
  let signals: string[] | undefined;
  let covered: Array<[number, number]> | undefined;
  for (const keyword of rule.keywords) {
    for (let at = text.indexOf(keyword); at !== -1; at = text.indexOf(keyword, at + 1)) {
      const end = at + keyword.length;
      if (within(covered, at, end) || suppressed(text, at, end, rule.suppressors)) continue;
      (covered ??= []).push([at, end]);
      score += rule.weight * (1 + Math.max(0, [...keyword].length - 2) * 0.5);
      (signals ??= []).push(keyword);
      break;
    }
  }
  for (const { source, regex } of rule.patterns) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      if (m[0].length === 0) regex.lastIndex++;
      else if (!suppressed(text, m.index, m.index + m[0].length, rule.suppressors)) {
        score += rule.weight * 2;
        (signals ??= []).push(source);
        break;
      }
    }
  }
  return signals ? { score, signals } : NO_MATCH;
}
