// Seats by party as a bar chart in inline SVG: one bar per party, the seats still to
// declare in grey, and the majority line across them. Every bar carries its party's short
// name and number as text, so colour is never the only signal; colours are SVG fill
// attributes, not styles, which the Content Security Policy would refuse.
import type { ElectionResults } from '../../src/results/electionResults';

const width = 360;
const labelWidth = 116;
const barLeft = labelWidth + 4;
const barRight = width - 8;
const rowHeight = 30;
const top = 26;
const ink = '#0b0c0c';

interface Row {
  label: string;
  seats: number;
  colour: string;
}

export function SeatsChart({ results }: { results: ElectionResults }) {
  const { total, majorityNeeded } = results.seats;
  const toDeclare = results.progress.seatsContested - results.progress.seatsDeclared;
  const rows: Row[] = results.parties
    .filter((p) => p.seatsTotal > 0)
    .map((p) => ({ label: p.shortName, seats: p.seatsTotal, colour: p.colour }));
  if (toDeclare > 0) rows.push({ label: 'To declare', seats: toDeclare, colour: '#e1e3e5' });

  // One decimal place is finer than any screen shows, and keeps the markup short.
  const x = (seats: number) => Math.round((barLeft + ((barRight - barLeft) * seats) / Math.max(total, 1)) * 10) / 10;
  const height = top + rows.length * rowHeight + 4;
  const majorityX = x(majorityNeeded);
  const description = [
    ...rows.map((r) => `${r.label} ${r.seats}`),
    `${majorityNeeded} seats needed for a majority`,
  ].join(', ');

  return (
    <svg class="seats-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Seats: ${description}`} focusable="false">
      <text x={majorityX} y={14} text-anchor="middle" font-size="13" fill={ink}>{`Majority: ${majorityNeeded}`}</text>
      {rows.map((row, i) => {
        const y = top + i * rowHeight;
        const end = x(row.seats);
        return (
          <g>
            <text x={labelWidth} y={y + 19} text-anchor="end" font-size="15" fill={ink}>{`${row.label} ${row.seats}`}</text>
            <rect x={barLeft} y={y + 4} width={Math.max(Math.round((end - barLeft) * 10) / 10, 1)} height={rowHeight - 8} fill={row.colour} stroke={ink} stroke-width="1" />
          </g>
        );
      })}
      <line x1={majorityX} x2={majorityX} y1={18} y2={height} stroke={ink} stroke-width="2" stroke-dasharray="4 3" />
    </svg>
  );
}
