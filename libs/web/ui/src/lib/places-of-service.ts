/** Common places of service and the rate each takes (the API decides; this is for the picker). */
export const PLACES_OF_SERVICE: readonly { code: string; label: string }[] = [
  { code: '11', label: '11 Office (non-facility)' },
  { code: '12', label: '12 Home (non-facility)' },
  { code: '10', label: '10 Telehealth in the patient\'s home (non-facility)' },
  { code: '02', label: '02 Telehealth elsewhere (facility)' },
  { code: '19', label: '19 Off-campus outpatient hospital (facility)' },
  { code: '22', label: '22 On-campus outpatient hospital (facility)' },
  { code: '21', label: '21 Inpatient hospital (facility)' },
  { code: '23', label: '23 Emergency room (facility)' },
  { code: '24', label: '24 Ambulatory surgical center (facility)' },
  { code: '31', label: '31 Skilled nursing facility (facility)' },
  { code: '32', label: '32 Nursing facility (non-facility)' },
  { code: '81', label: '81 Independent laboratory (non-facility)' },
];
