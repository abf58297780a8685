import { Link } from 'react-router';

/** The area a case page lives in: the center's detail, the unit's case page, the desk's lookup. */
export type CaseArea = 'center' | 'unit' | 'desk';

/** A case page's address, by case number (what people read out) or, for a linked case, by id. */
export const caseHref = (area: CaseArea, caseNumberOrId: string): string =>
  `/${area}/cases/${encodeURIComponent(caseNumberOrId)}`;

/** A case number as a link to the case's page in `area`. */
export function CaseNumberLink({ area, caseNumber }: { area: CaseArea; caseNumber: string }) {
  return (
    <Link to={caseHref(area, caseNumber)} className="case-number-link">
      {caseNumber}
    </Link>
  );
}
