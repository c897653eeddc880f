import type { FormSpec, VendorFields } from './schemas/form-spec';

/**
 * Checks values against a vendor's form spec; returns field → message. Shared by the form and the server
 * action; zod-free so forms can run it while they render. `lib/schemas/form-spec` re-exports it.
 */
export function validateVendorFields(spec: FormSpec, values: VendorFields, mode: 'create' | 'update'): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of spec.fields) {
    if (mode === 'update' && f.createOnly) continue;
    const v = values[f.name]?.trim() ?? '';
    if (v === '') {
      if (f.required && mode === 'create') errors[f.name] = `${f.label} is required`;
      continue;
    }
    if (f.kind === 'number' && !/^-?\d+$/.test(v)) errors[f.name] = `${f.label} must be a whole number`;
    else if (f.kind === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) errors[f.name] = `${f.label} must be an e-mail address`;
    else if (f.kind === 'select' && f.options && !f.options.some((o) => o.value === v))
      errors[f.name] = `${f.label} must be one of: ${f.options.map((o) => o.label).join(', ')}`;
    else if (f.pattern && !new RegExp(f.pattern).test(v)) errors[f.name] = f.patternMessage ?? `${f.label} has an invalid format`;
  }
  return errors;
}
