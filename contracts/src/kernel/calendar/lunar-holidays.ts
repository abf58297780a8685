import { Lunar, Solar } from 'lunar-typescript';

/** `YYYY-MM-DD` of a day the lunar calendar library gives. */
const dateOf = (solar: Solar): string => solar.toYmd();

/**
 * The statutory holidays of a year that follow the lunar calendar and the solar terms, as the
 * 2024 revision of the national holiday rules (in force from 2025) names them: Spring Festival's
 * eve and the first three days of the first lunar month, the Qingming solar term, the fifth of the
 * fifth month (Dragon Boat) and the fifteenth of the eighth month (Mid-Autumn). The dates come from
 * `lunar-typescript` (astronomical new moons and solar terms in China Standard Time).
 */
export function lunarHolidays(year: number): string[] {
  const newYear = Lunar.fromYmd(year, 1, 1).getSolar();
  const springFestival = [-1, 0, 1, 2].map((offset) => dateOf(newYear.next(offset)));
  // The Qingming term always falls on 4-6 April; the lunar date of 10 April names it in its table.
  const qingmingTerm = Solar.fromYmd(year, 4, 10).getLunar().getJieQiTable()['清明'];
  if (!qingmingTerm) throw new Error(`no Qingming solar term found for ${year}`);
  const qingming = dateOf(qingmingTerm);
  const dragonBoat = dateOf(Lunar.fromYmd(year, 5, 5).getSolar());
  const midAutumn = dateOf(Lunar.fromYmd(year, 8, 15).getSolar());
  return [...springFestival, qingming, dragonBoat, midAutumn];
}
