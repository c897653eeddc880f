'use client';

import { useId } from 'react';
import { inputClass } from '@/components/ui/field';
import { destinationTypeLabels, type DestinationType } from '@/lib/destination-types';
import type { Destination, DestinationOption } from '@/lib/schemas/destination';

/** Types whose target is typed in rather than chosen from the tenant's objects. */
const FREE_TEXT: DestinationType[] = ['external', 'conference', 'fax', 'crm', 'ari', 'remote_access', 'queue', 'ivr_tree'];

/**
 * Where a call goes: a type, then one of the tenant's real objects of that type (loaded from the vendor), or a
 * number typed in for an external destination. `types` limits the choice to what the vendor accepts here.
 */
export function DestinationPicker({
  label,
  value,
  options,
  types,
  error,
  onChange,
  allowNone = true,
}: {
  label: string;
  value: Destination | undefined;
  options: DestinationOption[];
  types: readonly DestinationType[];
  error?: string;
  onChange: (d: Destination | undefined) => void;
  allowNone?: boolean;
}) {
  const id = useId();
  const type = value?.type;
  const choices = type ? options.filter((o) => o.type === type) : [];
  const free = type ? FREE_TEXT.includes(type) || (choices.length === 0 && type !== 'directory') : false;
  return (
    <fieldset className="min-w-0" aria-describedby={error ? `${id}-err` : undefined}>
      <legend className="sr-only">{label}</legend>
      <div className="grid gap-1.5 sm:grid-cols-[11rem_minmax(0,1fr)]">
        <select
          aria-label={`${label}: type`}
          className={inputClass}
          value={type ?? ''}
          onChange={(e) => {
            const t = e.target.value as DestinationType | '';
            if (!t) return onChange(undefined);
            const first = options.find((o) => o.type === t);
            onChange({ type: t, target: t === 'directory' ? '' : FREE_TEXT.includes(t) ? '' : (first?.target ?? ''), label: FREE_TEXT.includes(t) ? undefined : first?.label });
          }}
        >
          {allowNone && <option value="">(none)</option>}
          {types.map((t) => (
            <option key={t} value={t}>
              {destinationTypeLabels[t]}
            </option>
          ))}
        </select>
        {type && type !== 'directory' && !free && (
          <select
            aria-label={`${label}: target`}
            aria-invalid={!!error}
            className={inputClass}
            value={value?.target ?? ''}
            onChange={(e) => onChange({ type, target: e.target.value, label: choices.find((o) => o.target === e.target.value)?.label })}
          >
            {!choices.some((c) => c.target === value?.target) && <option value={value?.target ?? ''}>{value?.label ?? (value?.target || 'Choose…')}</option>}
            {choices.map((o) => (
              <option key={`${o.type}:${o.target}`} value={o.target}>
                {o.label}
              </option>
            ))}
          </select>
        )}
        {type && free && (
          <input
            aria-label={`${label}: ${type === 'external' ? 'number' : 'target'}`}
            aria-invalid={!!error}
            className={inputClass}
            placeholder={type === 'external' ? '+15551234567' : 'number or ID'}
            value={value?.target ?? ''}
            onChange={(e) => onChange({ type, target: e.target.value })}
          />
        )}
      </div>
      {error && (
        <p id={`${id}-err`} data-testid="field-error" className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
