import { useCallback, useState } from 'react';

/** One contact this agent took at this workstation, newest first. */
export interface RecentContact {
  contactId: string;
  at: string;
  outcome: 'case-registered' | 'merged-into-case' | 'answered-directly' | 'referred' | 'not-accepted';
  excerpt: string;
  phone?: string;
  caseId?: string;
  caseNumber?: string;
  dispatched?: boolean;
}

const KEY = 'hotline.desk.recent';
const MAX = 50;

/**
 * The gateway has no "contacts taken by me" query yet, so the desk remembers the contacts it
 * recorded, per user, in this browser's storage; each one links to the contact and case it made.
 */
function read(userId: string): RecentContact[] {
  try {
    const raw = localStorage.getItem(`${KEY}.${userId}`);
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as RecentContact[]) : [];
  } catch {
    return [];
  }
}

export function useRecentContacts(userId: string) {
  const [items, setItems] = useState<RecentContact[]>(() => read(userId));
  const remember = useCallback(
    (contact: RecentContact) => {
      const next = [contact, ...read(userId).filter((c) => c.contactId !== contact.contactId)].slice(0, MAX);
      try {
        localStorage.setItem(`${KEY}.${userId}`, JSON.stringify(next));
      } catch {
        // Storage full or blocked: the list still holds for this page.
      }
      setItems(next);
    },
    [userId],
  );
  return { items, remember };
}
