import {
  NotFoundError,
  type CallerHistory,
  type CaseRepeatCount,
  type Clock,
  type ContactView,
  type CheckCaller,
  type GetCallerHistory,
  type GetCaseRepeatCount,
  type GetContact,
  type ListOpenContacts,
} from '@hotline/contracts';
import type { z } from 'zod';
import type { ReadDocument } from '@hotline/infra/read-store';
import type { BlocklistReader } from '../blocklist/blocklist-reader';
import { IntakeCollection } from '../read-models/intake-collections';
import type { IntakeReadModels } from '../read-models/intake-read-models';
import { districtScope } from '../viewer-scope';

type Query<D extends { schema: z.ZodType }> = z.output<D['schema']>;

type ContactDocument = ReadDocument &
  Omit<ContactView, 'contactId'> & { _pos?: number; phone?: string | null; open?: boolean };

const toView = ({
  _id,
  _pos: _position,
  phone: _phone,
  open: _open,
  ...doc
}: ContactDocument): ContactView => ({ contactId: String(_id), ...doc });

/** The contact log's questions: caller history (screen pop), one contact, the agents' queue, repeats. */
export class ContactQueriesService {
  constructor(
    private readonly readModels: IntakeReadModels,
    private readonly blocklist: BlocklistReader,
    private readonly clock: Clock,
  ) {}

  private get contacts() {
    return this.readModels.store.collection<ContactDocument>(IntakeCollection.contacts);
  }

  /** Newest first, from the phone index: one lookup however long the log. */
  async callerHistory(query: Query<typeof GetCallerHistory>): Promise<CallerHistory> {
    await this.readModels.waitFor('contacts', query.minPosition);
    const docs = await this.contacts.find(
      { phone: query.phone, ...districtScope(query.viewer) },
      { sort: { receivedAt: -1 }, limit: query.limit },
    );
    const contacts = docs.map(toView);
    const caseIds = [
      ...new Set(contacts.map((c) => c.caseId).filter((id): id is string => id !== undefined)),
    ];
    const check = this.blocklist.check(query.phone, this.clock.now());
    return { phone: query.phone, contacts, caseIds, ...(check.blocked ? { blocked: check } : {}) };
  }

  async contact(query: Query<typeof GetContact>): Promise<ContactView> {
    await this.readModels.waitFor('contacts', query.minPosition);
    const doc = await this.contacts.findOne({ _id: query.contactId, ...districtScope(query.viewer) });
    if (!doc) throw new NotFoundError('contact', query.contactId);
    return toView(doc);
  }

  /** The contact's district in the log (unscoped: for intake's own commands, never for a caller). */
  async districtOf(contactId: string): Promise<string | undefined> {
    const doc = await this.contacts.findOne({ _id: contactId });
    return doc?.districtId;
  }

  /** The contacts an agent must still handle, oldest first. */
  async openContacts(query: Query<typeof ListOpenContacts>): Promise<{ contacts: ContactView[] }> {
    await this.readModels.waitFor('contacts', query.minPosition);
    const docs = await this.contacts.find(
      { open: true, quarantine: { $exists: query.quarantined }, ...districtScope(query.viewer) },
      { sort: { receivedAt: 1 }, limit: query.limit },
    );
    return { contacts: docs.map(toView) };
  }

  async checkCaller(query: Query<typeof CheckCaller>) {
    await this.readModels.waitFor('blocklist', query.minPosition);
    return this.blocklist.check(query.phone, this.clock.now());
  }

  async caseRepeatCount(query: Query<typeof GetCaseRepeatCount>): Promise<CaseRepeatCount> {
    await this.readModels.waitFor('contacts', query.minPosition);
    const repeats = await this.contacts.find(
      { caseId: query.caseId, outcome: 'merged-into-case', ...districtScope(query.viewer) },
      { sort: { receivedAt: -1 } },
    );
    const last = repeats[0]?.receivedAt;
    return { caseId: query.caseId, repeats: repeats.length, ...(last ? { lastContactAt: last } : {}) };
  }
}
