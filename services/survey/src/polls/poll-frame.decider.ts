import {
  POLL_FRAME_CATEGORY,
  pollFrameCommands,
  pollFrameEvents,
  type PollFrameCommand,
  type PollFrameEvent,
} from '@hotline/contracts';
import { defineAggregate, type DecideContext, type Decider } from '@hotline/infra/command';
import { ORGANISERS, PollError, PollRuleViolation, requireRole } from './poll.errors';
import { parseFrameFile, type RejectedLine } from './sampling-frame';

/** Numbers per event: about 60 KB of JSON, far below the bus's message size. */
export const ENTRIES_PER_EVENT = 1000;
/** Rejected lines kept with the import (the count says how many there were in all). */
export const REJECTED_LINES_KEPT = 200;

export interface PollFrameState {
  /** Every number already in the frame: a second file repeating one is reported, not kept twice. */
  phones: Set<string>;
}

export interface PollFrameContext {
  /** Whether the round exists and its sample is drawn (read from the round's stream). */
  round: { defined: boolean; drawn: boolean };
}

function decide(
  command: PollFrameCommand,
  state: PollFrameState,
  context: DecideContext & PollFrameContext,
): PollFrameEvent[] {
  requireRole(context.actor, ORGANISERS, 'import a sampling frame');
  const { roundId, frame, fileName, content, part } = command.data;
  if (!context.round.defined)
    throw new PollRuleViolation(PollError.RoundNotFound, `poll round ${roundId} was not found`);
  if (context.round.drawn)
    throw new PollRuleViolation(
      PollError.SampleDrawn,
      `poll round ${roundId} has drawn its sample: its frames are fixed`,
    );
  const parsed = parseFrameFile(content, part?.firstLine);
  const rejected: RejectedLine[] = [];
  const entries = parsed.entries.filter((entry, i) => {
    if (!state.phones.has(entry.phone)) return true;
    rejected.push({
      line: parsed.lines[i] ?? 0,
      code: 'in-frame',
      value: entry.phone,
      reason: `${entry.phone} is already in the ${frame} frame`,
    });
    return false;
  });
  const allRejected = [...parsed.rejected, ...rejected].sort((a, b) => a.line - b.line);
  const importId = context.commandId;
  const events: PollFrameEvent[] = [
    {
      type: 'SamplingFrameImported',
      data: {
        roundId,
        frame,
        importId,
        fileName,
        accepted: entries.length,
        rejectedCount: allRejected.length,
        rejected: allRejected.slice(0, REJECTED_LINES_KEPT),
        ...(part ? { part } : {}),
      },
    },
  ];
  for (let from = 0; from < entries.length; from += ENTRIES_PER_EVENT) {
    events.push({
      type: 'SamplingFrameEntriesAdded',
      data: { roundId, frame, importId, entries: entries.slice(from, from + ENTRIES_PER_EVENT) },
    });
  }
  return events;
}

function evolve(state: PollFrameState, event: PollFrameEvent): PollFrameState {
  if (event.type === 'SamplingFrameEntriesAdded')
    for (const entry of event.data.entries) state.phones.add(entry.phone);
  return state;
}

/** One sampling frame of a round (`pollFrame-<roundId>.<frame>`), built from one or more files. */
export const pollFrameDecider: Decider<PollFrameCommand, PollFrameEvent, PollFrameState, PollFrameContext> = {
  initialState: () => ({ phones: new Set() }),
  evolve,
  decide,
};

export const pollFrameAggregate = defineAggregate({
  category: POLL_FRAME_CATEGORY,
  decider: pollFrameDecider,
  events: pollFrameEvents,
  commands: pollFrameCommands,
});
