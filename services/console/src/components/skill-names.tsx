import { useCallback, useSyncExternalStore } from 'react';
import { Typography } from 'antd';
import { apiGet } from '../api/http';
import { useSession } from '../auth/session';
import { useLocale, useT } from '../i18n';
import { useRequest, type RequestState } from './use-request';

export type SkillKind = 'language' | 'dialect' | 'business';

export interface SkillUsage {
  queues: { queueId: string; name: string }[];
  agents: { agentId: string }[];
}

export interface SkillView {
  skillId: string;
  name: string;
  nameEn: string;
  kind: SkillKind;
  source: 'shipped' | 'city';
  usage: SkillUsage;
}

/** The router's skill catalogue (`GET /api/routing/skills`), with the agents' display names. */
export interface SkillCatalogueView {
  version: number;
  skills: SkillView[];
  unnamed: (SkillUsage & { skillId: string })[];
  names: Record<string, string>;
}

// One request per signed-in user until the catalogue changes: every screen names skills from it.
let cached: { user: string; catalogue: Promise<SkillCatalogueView> } | undefined;
// Bumped when the catalogue changes, so every screen naming skills reads it again.
let generation = 0;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

function catalogueOf(user: string): Promise<SkillCatalogueView> {
  if (cached?.user !== user) {
    const catalogue = apiGet<SkillCatalogueView>('/api/routing/skills');
    catalogue.catch(() => {
      // The next screen asks again; ids stand in for names meanwhile.
      if (cached?.catalogue === catalogue) cached = undefined;
    });
    cached = { user, catalogue };
  }
  return cached.catalogue;
}

/** After a skill was defined or removed, or a queue or seat changed: every screen reads it again. */
export function forgetSkillCatalogue(): void {
  cached = undefined;
  generation += 1;
  for (const listener of listeners) listener();
}

/** The catalogue for this user, read again whenever `forgetSkillCatalogue` was called. */
export function useSkillCatalogue(): RequestState<SkillCatalogueView> {
  const { user } = useSession();
  const username = user?.username;
  const round = useSyncExternalStore(subscribe, () => generation);
  return useRequest(() => catalogueOf(username ?? ''), username ? `${username}:${round}` : null);
}

/** A skill id as its name in the reader's language; undefined when the catalogue does not name it. */
export function useSkillName(): (skillId: string) => string | undefined {
  const { locale } = useLocale();
  const catalogue = useSkillCatalogue();
  return useCallback(
    (skillId) => {
      const skill = catalogue.data?.skills.find((s) => s.skillId === skillId);
      return skill === undefined ? undefined : locale === 'en' ? skill.nameEn : skill.name;
    },
    [catalogue.data, locale],
  );
}

/**
 * A skill by its name (with the level a queue asks or a seat holds: `粤语 3`); a skill the catalogue
 * does not name shows as its id, greyed, so an old or removed skill never breaks a screen.
 */
export function SkillLabel({ skillId, level }: { skillId: string; level?: number }) {
  const t = useT();
  const name = useSkillName()(skillId);
  const suffix = level === undefined ? '' : ` ${level}`;
  if (name === undefined)
    return (
      <span data-skill={skillId} title={t('skills.unknown')}>
        <Typography.Text type="secondary" code>
          {skillId}
        </Typography.Text>
        {suffix}
      </span>
    );
  return (
    <span data-skill={skillId}>
      {name}
      {suffix}
    </span>
  );
}

/** Skills with levels as labels, separated as the locale separates a list; '—' for none. */
export function SkillList({ skills }: { skills: [string, number][] }) {
  const { locale } = useLocale();
  if (skills.length === 0) return <>—</>;
  return (
    <>
      {skills.map(([skillId, level], i) => (
        <span key={skillId}>
          {i > 0 ? (locale === 'en' ? ', ' : '、') : ''}
          <SkillLabel skillId={skillId} level={level} />
        </span>
      ))}
    </>
  );
}
