import { Field, inputClass } from '@/components/ui/field';

/** HoduPBX wants an extension's web password for click-to-call and CRM; asked each time, never kept. */
export function WebPasswordField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <Field label="Extension web password" error={error} help="Sent to the PBX for this request only; Switchboard does not keep it.">
      {(p) => <input {...p} type="password" autoComplete="off" className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
