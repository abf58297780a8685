import {
  ApproveCaseExtension,
  CITY_DISTRICT,
  CaseCompleted,
  CaseDeclined,
  CaseExtensionApproved,
  CaseExtensionRejected,
  CaseExtensionRequested,
  CaseDispatched,
  CaseDispatchedToFallbackUnit,
  CaseRedispatched,
  GetCase,
  RegisterCase,
  RejectCaseExtension,
  RequestCaseExtension,
  ReturnCase,
  SignCase,
  SubmitCaseReply,
  WorkflowRole,
  systemActor,
  type Actor,
  type CaseDetailView,
  type CommandDefinition,
  type NotAcceptedReason,
  type QueryViewer,
  type ReturnReason,
} from '@hotline/contracts';
import { federationConsumerOf, type BusRequests, type EventBus } from '@hotline/infra/bus';
import { Reactor, isFinalRefusal, type Reaction } from '@hotline/infra/reactor';
import type { Logger } from '@hotline/infra/telemetry';

/** One side of the bridge: a deployment's events, and its commands and queries over the bus. */
export interface FederatedDeployment {
  events: EventBus;
  requests: BusRequests;
}

export interface FederationBridgeOptions {
  city: FederatedDeployment;
  district: FederatedDeployment;
  /** The city's unit that stands for the district platform (a district registered as a unit of the city). */
  unitId: string;
  /**
   * Names the durable consumers (`<name>-down`, `<name>-up`): one bridge per district platform. The
   * default, `federation-<unitId>`, is the one the NATS permissions grant (federation-permissions.ts).
   */
  name?: string;
  logger?: Logger;
}

/** The district's case of a city case: derived, so a repeat registers nothing new. */
export const districtCaseIdOf = (cityCaseId: string): string => `fed-${cityCaseId}`.slice(0, 128);
const cityCaseIdOf = (districtCaseId: string): string | undefined =>
  districtCaseId.startsWith('fed-') ? districtCaseId.slice(4) : undefined;

/**
 * The citizen as the district platform gets them: it is the case's handling unit, so a confidential
 * citizen (保密) reaches it without name, phone or address, as the city's own units see them.
 */
export const citizenForDistrict = (citizen: CaseDetailView['citizen']): CaseDetailView['citizen'] =>
  citizen.confidential || (!citizen.name && !citizen.anonymous)
    ? { anonymous: true, confidential: citizen.confidential ?? false }
    : citizen;

const DISPATCHES = [CaseDispatched, CaseRedispatched, CaseDispatchedToFallbackUnit] as const;

/** The district's 不予受理 of a city case is the unit's 退单 at the city, with the nearest reason. */
const RETURN_REASON_OF: Partial<Record<NotAcceptedReason, ReturnReason>> = {
  'outside-jurisdiction': 'outside-jurisdiction',
  'other-authority': 'not-responsible',
  'in-legal-proceedings': 'legal-channel-required',
};

/**
 * City → district federation over the two deployments' buses. The city's dispatches to the district
 * platform's unit become cases of the district platform (channel `district-platform`). What the
 * district does with one is done at the city as that unit: taken on (signed), declined (returned),
 * an extension asked (asked, and the city's decision goes down), completed (replied). Exactly-once effect across a dropped link: every command's id derives from the
 * event that causes it (the district's case from the city's case), the consumers are durable and
 * acknowledge only after the other side answered, so a redelivery repeats a command the other side
 * answers with its first result.
 */
export class FederationBridge {
  private readonly reactors: Reactor[];

  constructor(private readonly options: FederationBridgeOptions) {
    const name = options.name ?? `federation-${options.unitId}`;
    const viewer: QueryViewer = { actor: systemActor(name), districtId: CITY_DISTRICT };
    // At the city the bridge acts as the district platform's unit: it signs and replies as that unit.
    const unitActor: Actor = {
      id: `${name}:${options.unitId}`,
      role: WorkflowRole.Unit,
      unitId: options.unitId,
    };
    const send = async <D extends CommandDefinition>(
      side: FederatedDeployment,
      parsed: { commandId: string; data: unknown; metadata: Parameters<BusRequests['command']>[3] },
      definition: D,
      districtId?: string,
    ) =>
      side.requests.command(definition, parsed.commandId, parsed.data as never, {
        ...parsed.metadata,
        ...(districtId ? { districtId } : {}),
      });
    // Read as of the event (its position in that deployment's store): a read model a moment behind
    // answers READ_MODEL_BEHIND, which redelivers the event, never 'not found', which would drop it.
    const getCase = (side: FederatedDeployment, caseId: string, reaction: Reaction) =>
      side.requests.query<CaseDetailView>(
        GetCase,
        { viewer, caseId, minPosition: reaction.event.position },
        `${name}-get-case`,
      );

    // At the district the bridge decides, as the district's center, what the city's center decided.
    const centerActor: Actor = { id: `${name}:city-center`, role: WorkflowRole.Center };
    const asUnit = <T extends { metadata: object }>(command: T): T => ({
      ...command,
      metadata: { ...command.metadata, actor: unitActor },
    });
    const asCenter = <T extends { metadata: object }>(command: T): T => ({
      ...command,
      metadata: { ...command.metadata, actor: centerActor },
    });

    /** The city dispatched to the district's unit: the district registers the case. */
    const register = async (reaction: Reaction): Promise<void> => {
      const { caseId, lead } = reaction.event.data as { caseId: string; lead: { unitId: string } };
      if (lead.unitId !== options.unitId) return;
      const view = await getCase(options.city, caseId, reaction);
      const command = reaction.commandWithId(RegisterCase, `${name}-register-${caseId}`, {
        caseId: districtCaseIdOf(caseId),
        type: view.type,
        categoryCode: view.categoryCode,
        content: view.content,
        citizen: citizenForDistrict(view.citizen),
        channel: 'district-platform',
        urgency: view.urgency,
        simple: view.simple,
        ...(view.place ? { place: view.place } : {}),
      } as never);
      // A registration the district refuses for good is logged: the case stays dispatched at the
      // city, for the center to see and re-dispatch.
      await send(options.district, command, RegisterCase, CITY_DISTRICT);
    };

    /** The city's center decided on an extension the district asked for: the district's is the same. */
    const decideExtension = async (reaction: Reaction): Promise<void> => {
      const { caseId, comment, reason } = reaction.event.data as {
        caseId: string;
        comment?: string;
        reason?: string;
      };
      const view = await getCase(options.city, caseId, reaction);
      if (!view.units.some((u) => u.role === 'lead' && u.unitId === options.unitId)) return;
      const districtCaseId = districtCaseIdOf(caseId);
      await reaction.refusable(() =>
        reaction.event.type === CaseExtensionApproved.type
          ? send(
              options.district,
              asCenter(
                reaction.command(ApproveCaseExtension, `${name}-approve`, {
                  caseId: districtCaseId,
                  ...(comment ? { comment } : {}),
                }),
              ),
              ApproveCaseExtension,
              CITY_DISTRICT,
            )
          : send(
              options.district,
              asCenter(
                reaction.command(RejectCaseExtension, `${name}-reject`, {
                  caseId: districtCaseId,
                  reason: reason ?? '市级平台未同意延期',
                }),
              ),
              RejectCaseExtension,
              CITY_DISTRICT,
            ),
      );
    };

    const down = (reaction: Reaction): Promise<void> =>
      DISPATCHES.some((d) => d.type === reaction.event.type) ? register(reaction) : decideExtension(reaction);

    /**
     * What the district did with a city case, at the city as the district platform's unit: its
     * center took the case on (dispatched it: the unit signs), declined it (the unit returns it),
     * its handler asked for an extension (the unit asks), or completed it (the unit replies).
     */
    const up = async (reaction: Reaction): Promise<void> => {
      const { caseId } = reaction.event.data as { caseId: string };
      const cityCaseId = cityCaseIdOf(caseId);
      if (cityCaseId === undefined) return;
      const { type } = reaction.event;
      if (DISPATCHES.some((d) => d.type === type)) {
        // Once per case: a re-dispatch inside the district signs nothing again.
        const sign = reaction.commandWithId(SignCase, `${name}-sign-${cityCaseId}`, { caseId: cityCaseId });
        await reaction.refusable(() => send(options.city, asUnit(sign), SignCase));
      } else if (type === CaseDeclined.type) {
        const declined = reaction.event.data as { reason: string; explanation: string; referral?: string };
        const command = reaction.command(ReturnCase, `${name}-return`, {
          caseId: cityCaseId,
          reason: RETURN_REASON_OF[declined.reason as NotAcceptedReason] ?? 'other',
          explanation: declined.explanation,
          basis: declined.referral ?? declined.explanation,
        });
        // Past the city's return limit the return is refused and logged; the center sees the case
        // still waiting for the district to sign.
        await reaction.refusable(() => send(options.city, asUnit(command), ReturnCase));
      } else if (type === CaseExtensionRequested.type) {
        const { reason, requestedDueAt } = reaction.event.data as { reason: string; requestedDueAt: string };
        const request = reaction.command(RequestCaseExtension, `${name}-extend`, {
          caseId: cityCaseId,
          reason,
          requestedDueAt,
        });
        try {
          await send(options.city, asUnit(request), RequestCaseExtension);
        } catch (error) {
          if (!isFinalRefusal(error)) throw error;
          // The city's rules refuse it (too late, too long): the district's request is rejected with why.
          const reject = reaction.command(RejectCaseExtension, `${name}-refused`, {
            caseId,
            reason:
              `市级平台不能受理该延期申请：${error instanceof Error ? error.message : String(error)}`.slice(
                0,
                2000,
              ),
          });
          await reaction.refusable(() =>
            send(options.district, asCenter(reject), RejectCaseExtension, CITY_DISTRICT),
          );
        }
      } else {
        const view = await getCase(options.district, caseId, reaction);
        if (view.channel !== 'district-platform' || !view.reply) return;
        const reply = reaction.command(SubmitCaseReply, `${name}-reply`, {
          caseId: cityCaseId,
          result: view.reply.result,
        });
        await send(options.city, asUnit(reply), SubmitCaseReply);
      }
    };

    // A link may stay down for hours: the bus's most deliveries, with its backoff capped at 10 s,
    // keep an event waiting about 2.7 hours before it goes to the dead-letter stream.
    const maxDeliveries = 1000;
    const consumer = (direction: 'down' | 'up'): string =>
      options.name ? `${options.name}-${direction}` : federationConsumerOf(options.unitId, direction);
    this.reactors = [
      new Reactor(
        options.city.events,
        {
          name: consumer('down'),
          events: [...DISPATCHES, CaseExtensionApproved, CaseExtensionRejected],
          maxDeliveries,
          react: down,
        },
        options.logger,
      ),
      new Reactor(
        options.district.events,
        {
          name: consumer('up'),
          events: [...DISPATCHES, CaseDeclined, CaseExtensionRequested, CaseCompleted],
          maxDeliveries,
          react: up,
        },
        options.logger,
      ),
    ];
  }

  async start(): Promise<void> {
    for (const reactor of this.reactors) await reactor.start();
  }

  async stop(): Promise<void> {
    for (const reactor of this.reactors) await reactor.stop();
  }
}
