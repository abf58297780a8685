import type { IvrFlowDocument, IvrNode } from '../ivr-flow.schema';
import { digitPromptKeys } from '../ivr-prompts';
import type { PromptLanguage } from '../telephony.values';
import type { IvrCallReport, NodeResult } from './ivr-call-state';
import { CallerHungUp, type IvrMedia, type IvrServices, type MediaItem } from './ivr-ports';
import { isOpenAt } from './business-hours';

export interface IvrCallInput {
  callId: string;
  callerNumber?: string;
  flow: IvrFlowDocument;
  media: IvrMedia;
  services: IvrServices;
  /** A guard against a caller circling a menu forever: the call ends after this many steps. */
  maxSteps?: number;
}

const prompts = (...keys: string[]): MediaItem[] => keys.map((prompt) => ({ prompt }));

/**
 * Runs one call through a flow. The flow document is the one the call started with, so publishing a new
 * version never changes a call in progress. Every wait for the caller goes through the media port; the
 * caller hanging up anywhere ends the run with `caller-hung-up`.
 */
export async function runIvrFlow(input: IvrCallInput): Promise<IvrCallReport> {
  const run = new IvrRun(input);
  return run.run();
}

class IvrRun {
  private readonly report: IvrCallReport;
  /** A blocked caller's hang-up is reported as `blocked`. */
  private blocked = false;
  constructor(private readonly input: IvrCallInput) {
    this.report = {
      callId: input.callId,
      flowId: input.flow.flowId,
      language: input.flow.defaultLanguage,
      path: [],
      outcome: 'hung-up',
      variables: {},
      recordings: [],
      surveyAnswers: {},
    };
  }

  private get media(): IvrMedia {
    return this.input.media;
  }
  private get services(): IvrServices {
    return this.input.services;
  }
  private get language(): PromptLanguage {
    return this.report.language;
  }

  async run(): Promise<IvrCallReport> {
    const maxSteps = this.input.maxSteps ?? 200;
    let nodeId = this.input.flow.start;
    let stepped = 0;
    try {
      for (let step = 0; ; step++) {
        const node = this.input.flow.nodes[nodeId];
        if (node === undefined || step >= maxSteps) {
          // A validated flow has no missing node; the step guard ends a caller's endless circling.
          await this.play(prompts('goodbye'));
          await this.media.hangup();
          this.report.outcome = 'hung-up';
          return this.report;
        }
        const result = await this.step(node);
        stepped += 1;
        this.report.path.push({
          node: nodeId,
          kind: node.kind,
          ...(result.digits ? { digits: result.digits } : {}),
        });
        if ('end' in result) {
          this.report.outcome = result.end;
          return this.report;
        }
        nodeId = result.next;
      }
    } catch (error) {
      if (!(error instanceof CallerHungUp)) throw error;
      // The node the caller left from belongs to the path: where callers give up is worth knowing.
      const node = this.input.flow.nodes[nodeId];
      if (node !== undefined && this.report.path.length === stepped)
        this.report.path.push({ node: nodeId, kind: node.kind });
      this.report.outcome = 'caller-hung-up';
      return this.report;
    }
  }

  private play(items: MediaItem[], interruptible = false): Promise<string | undefined> {
    return this.media.play(items, { language: this.language, interruptible });
  }

  /** One key: pressed during the prompt, or within the timeout after it ('' when none). */
  private async askDigit(prompt: string, timeoutSeconds: number): Promise<string> {
    const early = await this.play(prompts(prompt), true);
    if (early) return early;
    return this.media.collectDigits({ maxDigits: 1, timeoutMs: timeoutSeconds * 1000 });
  }

  private async step(node: IvrNode): Promise<NodeResult> {
    switch (node.kind) {
      case 'play':
        await this.play(prompts(...node.prompts));
        return { next: node.next };
      case 'menu':
        return this.menu(node.prompt, node.timeoutSeconds, node.attempts, node.options, node.onFail);
      case 'collect':
        return this.collect(node);
      case 'record':
        return this.record(node);
      case 'case-status': {
        const status = await this.services.caseStatus(
          this.report.variables[node.from] ?? '',
          this.input.callerNumber,
        );
        if (status === undefined) {
          await this.play(prompts('case-not-found'));
          return { next: node.onNotFound };
        }
        await this.play(prompts(`case-status-${status}`));
        return { next: node.next };
      }
      case 'enqueue':
        return this.enqueue(node);
      case 'transfer':
        await this.play(prompts('transferring'));
        await this.media.bridge({ number: node.number });
        return { end: 'transferred' };
      case 'callback-offer': {
        const digit = await this.askDigit(node.prompt, 6);
        if (digit !== '1') return { next: node.declined, digits: digit };
        await this.services.requestCallback({
          callId: this.input.callId,
          callerNumber: this.input.callerNumber,
        });
        await this.play(prompts('callback-confirmed'));
        return { next: node.accepted, digits: digit };
      }
      case 'survey':
        return this.survey(node);
      case 'business-hours':
        return {
          next: isOpenAt(node, this.services.now(), (at) => this.services.isWorkingDay(at))
            ? node.open
            : node.closed,
        };
      case 'blocklist':
        this.blocked = await this.services.isBlocked(this.input.callerNumber);
        return { next: this.blocked ? node.blocked : node.allowed };
      case 'announcement': {
        const text = await this.services.liveAnnouncement(this.language);
        if (text !== undefined) await this.play([{ text }]);
        return { next: node.next };
      }
      case 'language': {
        const digit = await this.askDigit(node.prompt, node.timeoutSeconds);
        const chosen = node.options[digit as keyof typeof node.options];
        if (chosen !== undefined) this.report.language = chosen;
        return { next: node.next, digits: digit };
      }
      case 'hangup':
        if (node.prompts.length > 0) await this.play(prompts(...node.prompts));
        await this.media.hangup();
        return { end: this.blocked ? 'blocked' : 'hung-up' };
      default: {
        const unknown: never = node;
        throw new Error(`unknown IVR node ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async menu(
    prompt: string,
    timeoutSeconds: number,
    attempts: number,
    options: Partial<Record<string, string>>,
    onFail: string,
  ): Promise<NodeResult> {
    const pressed: string[] = [];
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const digit = await this.askDigit(prompt, timeoutSeconds);
      pressed.push(digit || '-');
      const target = digit ? options[digit] : undefined;
      if (target !== undefined) return { next: target, digits: pressed.join('') };
      await this.play(prompts(digit ? 'invalid-choice' : 'no-input'));
    }
    return { next: onFail, digits: pressed.join('') };
  }

  private async collect(node: Extract<IvrNode, { kind: 'collect' }>): Promise<NodeResult> {
    for (let attempt = 1; attempt <= node.attempts; attempt++) {
      const first = await this.play(prompts(node.prompt), true);
      const typed = await this.media.collectDigits({
        maxDigits: node.maxDigits - (first ? 1 : 0),
        timeoutMs: node.timeoutSeconds * 1000,
        terminator: node.terminator,
      });
      const digits = `${first ?? ''}${typed}`.replace(/[#*]+$/, '');
      if (!/^[0-9]+$/.test(digits) || digits.length < node.minDigits || digits.length > node.maxDigits) {
        await this.play(prompts(digits ? 'invalid-choice' : 'no-input'));
        continue;
      }
      if (node.readBack) {
        await this.play(prompts('you-entered', ...digitPromptKeys(digits)));
        const answer = await this.askDigit('confirm-reenter', 6);
        if (answer !== '1') continue;
      }
      this.report.variables[node.into] = digits;
      return { next: node.next, digits };
    }
    return { next: node.onFail };
  }

  private async record(node: Extract<IvrNode, { kind: 'record' }>): Promise<NodeResult> {
    await this.play(prompts(node.prompt, 'beep'));
    const recording = await this.media.record({ maxSeconds: node.maxSeconds, terminator: '#' });
    const pressed: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const digit = await this.askDigit('record-confirm', 8);
      pressed.push(digit || '-');
      if (digit === '1') {
        const submitted = await this.services.submitRecording({
          callId: this.input.callId,
          purpose: node.purpose,
          recording,
          callerNumber: this.input.callerNumber,
        });
        this.report.recordings.push(recording);
        if (submitted.contactId) this.report.contactId = submitted.contactId;
        if (submitted.caseNumber) {
          this.report.caseNumber = submitted.caseNumber;
          await this.play(prompts('your-case-number-is', ...digitPromptKeys(submitted.caseNumber)));
        } else {
          await this.play(prompts('message-received'));
        }
        return { next: node.next, digits: pressed.join('') };
      }
      if (digit === '2') await this.play([{ recording }]);
      else if (digit === '3') break;
      else await this.play(prompts(digit ? 'invalid-choice' : 'no-input'));
    }
    await this.play(prompts('recording-cancelled'));
    return { next: node.onCancel, digits: pressed.join('') };
  }

  private async enqueue(node: Extract<IvrNode, { kind: 'enqueue' }>): Promise<NodeResult> {
    await this.play(prompts('please-hold'));
    const wait = await this.services.enqueue({
      callId: this.input.callId,
      callerNumber: this.input.callerNumber,
      queueId: node.queueId,
      urgent: node.urgent,
      skills: node.skills,
      language: this.language,
    });
    try {
      for (;;) {
        const update = await Promise.race([this.media.untilHangup(), wait.next()]);
        if (update.kind === 'gone') return { end: 'queued' };
        if (update.kind === 'position') {
          await this.play(
            prompts('queue-position', ...digitPromptKeys(String(update.ahead)), 'queue-position-end'),
          );
          continue;
        }
        this.report.agentId = update.agentId;
        // An agent without a work number (工号) is connected without the announcement.
        if (update.workNumber !== '')
          await this.play(prompts('agent-number', ...digitPromptKeys(update.workNumber), 'agent-serves-you'));
        const firstToHangUp = await this.media.bridge(update.target);
        if (firstToHangUp === 'callee' && node.afterCall) return { next: node.afterCall };
        if (firstToHangUp === 'caller') throw new CallerHungUp();
        await this.media.hangup();
        return { end: 'queued' };
      }
    } catch (error) {
      if (error instanceof CallerHungUp && this.report.agentId === undefined) await wait.abandon();
      throw error;
    }
  }

  private async survey(node: Extract<IvrNode, { kind: 'survey' }>): Promise<NodeResult> {
    const pressed: string[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const digit = await this.askDigit(node.prompt, 8);
      pressed.push(digit || '-');
      const answer = digit ? node.options[digit as keyof typeof node.options] : undefined;
      if (answer !== undefined) {
        this.report.surveyAnswers[node.question] = answer;
        await this.services.recordSurveyAnswer({
          callId: this.input.callId,
          question: node.question,
          answer,
          ...(this.report.agentId ? { agentId: this.report.agentId } : {}),
        });
        break;
      }
      await this.play(prompts(digit ? 'invalid-choice' : 'no-input'));
    }
    return { next: node.next, digits: pressed.join('') };
  }
}
