/** Dollars from an exact decimal string ("109.65" -> "$109.65"); formatting only, no arithmetic. */
export function formatDollars(amount: string): string {
  const [whole, cents = '00'] = amount.replace(/^-/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount.startsWith('-') ? '-' : ''}$${grouped}.${cents.padEnd(2, '0')}`;
}

export function Money({ amount, testId }: { amount: string; testId?: string }) {
  return (
    <span className="money" data-testid={testId}>
      {formatDollars(amount)}
    </span>
  );
}
