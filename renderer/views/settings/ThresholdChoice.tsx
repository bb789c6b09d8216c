import type { ReactNode } from 'react';
import type { SeverityThreshold } from '../../../shared/model/index.ts';
import { THRESHOLD_CHOICES } from './prefs.ts';

/** Which incidents notify: a radio group (muting is a separate, clearer toggle). */
export function ThresholdChoice({ name, legend, value, disabled, onChange }: {
  name: string;
  legend: string;
  value: SeverityThreshold;
  disabled?: boolean;
  onChange(threshold: Exclude<SeverityThreshold, 'muted'>): void;
}): ReactNode {
  return (
    <fieldset className="settings-fieldset" disabled={disabled}>
      <legend className="field-label">{legend}</legend>
      <div className="settings-radios">
        {THRESHOLD_CHOICES.map((choice) => (
          <label key={choice.value} className="settings-radio" title={choice.hint}>
            <input type="radio" name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
