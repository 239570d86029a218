/**
 * The 1.0 floor on the work GPCI is set by statute for limited periods. CY 2026 Addendum E prints
 * the work GPCI with and without the floor and notes that the floor was extended only through
 * 2026-01-31 (H.R.5371, section 6207). Earlier years' files print only the floored value.
 */
export interface WorkGpciValues {
  withFloor: string;
  withoutFloor: string | null;
}

export interface AppliedWorkGpci {
  value: string;
  floorApplied: boolean;
  note: string | null;
}

/** Dates of service through which the work floor is in law, by year (from each year's Addendum E). */
const FLOOR_THROUGH: Record<number, string> = { 2026: '2026-01-31' };

export function appliedWorkGpci(gpci: WorkGpciValues, dateOfService: string): AppliedWorkGpci {
  if (gpci.withoutFloor === null) {
    return { value: gpci.withFloor, floorApplied: true, note: null };
  }
  const floorThrough = FLOOR_THROUGH[Number(dateOfService.slice(0, 4))];
  if (floorThrough === undefined || dateOfService <= floorThrough) {
    return {
      value: gpci.withFloor,
      floorApplied: true,
      note: floorThrough ? `The 1.0 work GPCI floor applies to dates of service through ${floorThrough} (H.R.5371).` : null,
    };
  }
  return {
    value: gpci.withoutFloor,
    floorApplied: false,
    note: `The 1.0 work GPCI floor was extended only through ${floorThrough} (H.R.5371, per CMS Addendum E); later dates of service use the work GPCI without the floor unless Congress extends it again.`,
  };
}
