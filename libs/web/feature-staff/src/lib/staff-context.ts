import { createContext, useContext } from 'react';
import type { StaffAccountFieldsFragment } from '@denialmap/web/data-access';

/** The signed-in staff member, for the pages inside the staff area. */
export const StaffContext = createContext<StaffAccountFieldsFragment | null>(null);

export function useStaff(): StaffAccountFieldsFragment {
  const me = useContext(StaffContext);
  if (!me) throw new Error('useStaff() outside the signed-in staff area');
  return me;
}
