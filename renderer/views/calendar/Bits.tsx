import type { ReactNode } from 'react';
import type { MaintenanceStatus } from '../../../shared/model/index.ts';
import { StatusDot } from '../../components/Status.tsx';
import { STAGE_LABELS } from '../../lib/stages.ts';
import { isUnderWay } from './windows.ts';

/** The vendor's stage word in a pill; under way is filled, so it stands out with its word. */
export function StageBadge({ status }: { status: MaintenanceStatus }): ReactNode {
  const tone = isUnderWay(status) ? 'now' : status === 'completed' ? 'done' : 'planned';
  return (
    <span className={`badge small calendar-stage calendar-stage-${tone}`}>
      <StatusDot level={status === 'completed' ? 'operational' : 'maintenance'} />
      {STAGE_LABELS[status]}
    </span>
  );
}

/** A window's text, broken only at its dash: "May 29, 2025, 23:30 –" / "May 31, 2025, 06:30 UTC+2". */
export function WindowText({ text }: { text: string }): ReactNode {
  const [from, to] = text.split(' – ');
  return to === undefined ? <span className="nowrap">{from}</span> : <><span className="nowrap">{from} –</span> <span className="nowrap">{to}</span></>;
}
