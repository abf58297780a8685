import { caseCommands, caseEvents, type CaseCommandType, type CaseEventType } from '@hotline/contracts';

type CaseCommandDefinition = (typeof caseCommands)[number];

const COMMANDS = new Map<string, CaseCommandDefinition>(caseCommands.map((d) => [d.type, d]));
const EVENT_VERSIONS = new Map<string, number>(caseEvents.map((d) => [d.type, d.version]));

export const caseCommandDefinition = (type: CaseCommandType): CaseCommandDefinition => {
  const definition = COMMANDS.get(type);
  if (!definition) throw new Error(`unknown case command ${type}`);
  return definition;
};

export const caseEventVersion = (type: CaseEventType): number => {
  const version = EVENT_VERSIONS.get(type);
  if (version === undefined) throw new Error(`unknown case event ${type}`);
  return version;
};

export const caseStreamId = (caseId: string): string => `case-${caseId}`;
