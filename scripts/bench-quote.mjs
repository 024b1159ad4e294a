// The generated quote the browser measurements import: LINES catalogue lines
// over MONTHS months, a third of them built (30/70 billing).
const items = ['OS-MGD', 'DB-MGD', 'MW-WEB', 'MW-APPSRV', 'CTR-MGD', 'K8S-MGD', 'AD-MGD', 'SEC-FW', 'SEC-LB', 'EXCH-MBX'];

export function benchQuote(lines, months) {
  return {
    schema_version: 2, client: 'Bench', project: `${lines} lines`, model: 'fully_managed',
    start_date: '2027-01-01', commitment_months: months, support_chain: 'off_shore',
    environments: [{ kind: 'production', support: 'standard' }],
    lines: Array.from({ length: lines }, (_, i) => ({ id: i + 1, item: items[i % items.length], quantity: String(1 + (i % 7)), build: i % 3 === 0 ? 'full' : 'no_build' })),
    build_billing: { mode: 'thirty_seventy', end_of_build: '2027-03-01' },
  };
}
