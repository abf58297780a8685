import type { CaseType, ContactChannel } from '@hotline/contracts';
import { DEMO_DECLINES, DEMO_EMERGENCIES, type DemoDecline } from './content/demo-declines';
import type { DemoMatter } from './content/demo-matter';
import { DEMO_DISTRICTS, DEMO_SURNAMES, demoPhone } from './content/demo-places';
import { CONSULT_MATTERS, SERVICE_MATTERS } from './content/service-matters';
import { URBAN_MATTERS } from './content/urban-matters';
import { DemoRandom } from './demo-random';
import { DEMO_SCENARIOS, MILESTONE_GAP_HOURS, type DemoScenario, type Milestone } from './demo-scenarios';

/** The key the whole demo city is planned from; change it and a new city is planned beside the old one. */
export const DEMO_SEED_KEY = 'rongcheng-demo-v1';

/** One case of the demo city, planned without the clock: its times come from `scheduleCase`. */
export interface DemoCase {
  n: number;
  caseId: string;
  contactId: string;
  scenario: DemoScenario;
  path: readonly Milestone[];
  /** Hours from the previous milestone (from the contact for the first). */
  gaps: number[];
  /** Where in its scenario's window the case starts: 0 newest, 1 oldest. */
  age: number;
  matter: DemoMatter;
  type: CaseType;
  districtId: string;
  address: string;
  content: string;
  channel: ContactChannel;
  caller: { name?: string; phone?: string; anonymous: boolean };
  leadUnitId: string;
  /** The unit that gets it first and returns it. */
  wrongUnitId: string;
  coHandlerUnitId?: string;
  reportToLeader: boolean;
  decline?: DemoDecline;
  /** The master case a merged duplicate folds into. */
  masterN?: number;
  results: [first: string, afterRedo: string];
  rating: 'satisfied' | 'basically-satisfied';
  agent: number;
}

const CHANNELS: ReadonlyArray<readonly [ContactChannel, number]> = [
  ['phone', 55],
  ['web', 10],
  ['wechat', 13],
  ['sms', 6],
  ['email', 4],
  ['mayor-mailbox', 12],
];

const HANDLED_MATTERS: readonly DemoMatter[] = [...URBAN_MATTERS, ...SERVICE_MATTERS];
/** Matters of the street offices, which a district government passes on to them (four-level hierarchy). */
const STREET_MATTERS = HANDLED_MATTERS.filter((m) => m.handler.kind === 'street');
const HOUSING_MATTERS = HANDLED_MATTERS.filter(
  (m) => m.handler.kind === 'city' && m.handler.unitId === 'housing-bureau',
);
const OTHER_CITY_MATTERS = HANDLED_MATTERS.filter(
  (m) => m.handler.kind === 'city' && m.handler.unitId !== 'housing-bureau',
);

/**
 * The units of the demo accounts (`unit-handler-housing`, `unit-handler-gulou-dongjie`): the first
 * and the second case of each of these states are theirs, so each of their inbox lists has cases.
 */
type Showcase = 'housing-bureau' | 'gulou-dongjie';
const SHOWCASE_UNITS: readonly Showcase[] = ['housing-bureau', 'gulou-dongjie'];
const SHOWCASE_SCENARIOS: ReadonlySet<DemoScenario> = new Set<DemoScenario>([
  'dispatched',
  'returned',
  'in-progress',
  'in-progress-yellow',
  'in-progress-red',
  'extension-requested',
  'replied',
  'sent-back',
  'completed',
  'closed',
  'redo-in-progress',
]);
const GULOU = DEMO_DISTRICTS.find((d) => d.districtId === 'gulou') as (typeof DEMO_DISTRICTS)[number];
const DONGJIE = GULOU.streets.find((s) => s.unitId === 'gulou-dongjie') as (typeof GULOU.streets)[number];

/** Wrong first units for returns: a unit that plausibly got the case and is not responsible. */
const WRONG_UNITS = ['housing-bureau', 'urban-management', 'environment-bureau', 'market-bureau'];

const LEADER_WORTHY = new Set([
  'unpaid-wages',
  'food-safety',
  'construction-noise',
  'water-outage',
  'prepaid-card',
]);

/** The demo city's cases, the same on every run. */
export function planDemoCity(seedKey = DEMO_SEED_KEY): DemoCase[] {
  const random = new DemoRandom(seedKey);
  const all = (Object.keys(DEMO_SCENARIOS) as DemoScenario[]).flatMap((scenario) =>
    Array.from({ length: DEMO_SCENARIOS[scenario].count }, () => scenario),
  );
  // Duplicates come last: they repeat cases planned before them.
  const scenarios = [
    ...random.shuffle(all.filter((s) => s !== 'merged')),
    ...all.filter((s) => s === 'merged'),
  ];
  const cases: DemoCase[] = [];
  const seen = new Map<DemoScenario, number>();
  scenarios.forEach((scenario, index) => {
    const nth = seen.get(scenario) ?? 0;
    seen.set(scenario, nth + 1);
    const showcase = SHOWCASE_SCENARIOS.has(scenario) ? SHOWCASE_UNITS[nth] : undefined;
    cases.push(planCase(random, index + 1, scenario, cases, showcase));
  });
  return cases;
}

function planCase(
  random: DemoRandom,
  n: number,
  scenario: DemoScenario,
  earlier: DemoCase[],
  showcase?: Showcase,
): DemoCase {
  const path = DEMO_SCENARIOS[scenario].path;
  const gaps = path.map((milestone) => {
    const [min, max] = MILESTONE_GAP_HOURS[milestone];
    return Math.round(random.between(min, max) * 60) / 60;
  });
  const district = showcase === 'gulou-dongjie' ? GULOU : random.pick(DEMO_DISTRICTS);
  const street = showcase === 'gulou-dongjie' ? DONGJIE : random.pick(district.streets);
  const address = random.pick(street.addresses);
  const master = scenario === 'merged' ? pickMaster(random, earlier) : undefined;
  const decline =
    scenario === 'declined'
      ? random.pick(DEMO_DECLINES)
      : scenario === 'declined-emergency'
        ? random.pick(DEMO_EMERGENCIES)
        : undefined;
  const matter =
    master?.matter ??
    (scenario === 'answered-at-intake'
      ? random.pick(CONSULT_MATTERS)
      : random.pick(mattersFor(scenario, showcase)));
  const place = master?.address ?? address;
  const districtId = master?.districtId ?? district.districtId;
  const leadUnitId =
    matter.handler.kind === 'city'
      ? matter.handler.unitId
      : matter.handler.kind === 'district'
        ? districtId
        : (DEMO_DISTRICTS.find((d) => d.districtId === districtId)?.streets.find((s) =>
            s.addresses.includes(place),
          )?.unitId ?? districtId);
  const anonymous = scenario === 'closed-without-callback';
  const [first, second] = [random.pick(matter.results), random.pick(matter.results)];
  const inProgress = scenario === 'in-progress' || scenario === 'in-progress-red';
  return {
    n,
    caseId: `demo-case-${String(n).padStart(3, '0')}`,
    contactId: `demo-contact-${String(n).padStart(3, '0')}`,
    scenario,
    path,
    gaps,
    age: random.next(),
    matter,
    type: random.chance(0.75) ? (matter.types[0] as CaseType) : random.pick(matter.types),
    districtId,
    address: place,
    content: (decline?.text ?? random.pick(matter.texts)).replaceAll('{addr}', place),
    channel: scenario === 'declined-emergency' ? 'phone' : random.weighted(CHANNELS),
    caller: anonymous
      ? { anonymous: true }
      : {
          name: `${random.pick(DEMO_SURNAMES)}${random.chance(0.5) ? '先生' : '女士'}`,
          phone: demoPhone(n * 7 + 3),
          anonymous: false,
        },
    leadUnitId,
    wrongUnitId:
      scenario === 'returned' && showcase
        ? showcase
        : random.pick(WRONG_UNITS.filter((u) => u !== leadUnitId)),
    ...(inProgress && leadUnitId !== 'urban-management' && random.chance(0.3)
      ? { coHandlerUnitId: 'urban-management' }
      : {}),
    reportToLeader:
      LEADER_WORTHY.has(matter.key) && (inProgress || scenario === 'closed') && random.chance(0.5),
    ...(decline ? { decline } : {}),
    ...(master ? { masterN: master.n } : {}),
    results: [first, second === first ? `经再次核查整改：${second}` : second],
    rating: random.chance(0.8) ? 'satisfied' : 'basically-satisfied',
    agent: random.int(6),
  };
}

/** What a case of `scenario` may be about; a showcase unit's own matters, or another unit's for one it returns. */
function mattersFor(scenario: DemoScenario, showcase: Showcase | undefined): readonly DemoMatter[] {
  if (scenario === 'returned' && showcase) return OTHER_CITY_MATTERS;
  if (showcase === 'housing-bureau') return HOUSING_MATTERS;
  if (showcase === 'gulou-dongjie' || scenario === 'sub-dispatched') return STREET_MATTERS;
  return HANDLED_MATTERS;
}

/** Duplicates repeat a case that is still being handled: same matter, same place. */
function pickMaster(random: DemoRandom, earlier: DemoCase[]): DemoCase | undefined {
  const open = earlier.filter((c) => c.scenario === 'in-progress' || c.scenario === 'in-progress-red');
  return open.length > 0 ? random.pick(open) : undefined;
}
