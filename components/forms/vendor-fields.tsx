'use client';

import { Field, inputClass } from '@/components/ui/field';
import type { FieldSpec } from '@/lib/schemas/form-spec';

/**
 * The fields one vendor takes, as its adapter describes them, with the allowed values loaded from the vendor
 * (PBXware phone models, HoduPBX plans and shifts…). Nothing of another vendor's shows up.
 */
export function VendorFields({
  fields,
  values,
  errors,
  mode,
  onChange,
}: {
  fields: FieldSpec[];
  values: Record<string, string>;
  errors: Record<string, string>;
  mode: 'create' | 'update';
  onChange: (name: string, value: string) => void;
}) {
  const shown = fields.filter((f) => mode === 'create' || !f.createOnly);
  if (!shown.length) return null;
  return (
    <>
      {shown.map((f) => {
        const label = `${f.label}${f.required && mode === 'create' ? ' *' : ''}`;
        const help = f.help ?? (mode === 'update' && (f.kind === 'password' || f.required) ? 'Leave empty to keep the stored value' : undefined);
        return (
          <Field key={f.name} label={label} error={errors[`fields.${f.name}`]} help={help}>
            {(p) =>
              f.kind === 'select' || f.kind === 'boolean' ? (
                <select {...p} name={f.name} className={inputClass} value={values[f.name] ?? ''} onChange={(e) => onChange(f.name, e.target.value)}>
                  <option value="">{mode === 'update' ? '(unchanged)' : f.required ? 'Choose…' : '(vendor default)'}</option>
                  {(f.options ?? (f.kind === 'boolean' ? [{ value: '1', label: 'Yes' }, { value: '0', label: 'No' }] : [])).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...p}
                  name={f.name}
                  type={f.kind === 'number' ? 'text' : f.kind}
                  inputMode={f.kind === 'number' ? 'numeric' : undefined}
                  autoComplete={f.kind === 'password' ? 'new-password' : 'off'}
                  className={inputClass}
                  value={values[f.name] ?? ''}
                  onChange={(e) => onChange(f.name, e.target.value)}
                />
              )
            }
          </Field>
        );
      })}
    </>
  );
}
