import { Notice } from '@/components/ui/card';
import type { AppErrorInfo } from '@/lib/result';
import { vendorErrorKindText } from '@/lib/vendor-error';

/**
 * Why a save failed, above a form that stays filled: our words, and for a vendor refusal the vendor's own
 * code and what it means, so the user can fix the draft or tell the PBX's admin.
 */
export function FormError({ error, testId = 'form-error' }: { error: AppErrorInfo | null; testId?: string }) {
  if (!error) return null;
  const v = error.vendor;
  return (
    <div role="alert" data-testid={testId}>
      <Notice tone="bad" title={error.code === 'invalid_input' ? 'Please correct the highlighted fields' : error.code === 'forbidden' ? 'Not allowed' : 'The change was not saved'}>
        <p>{error.message}</p>
        {v && (
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs">
            <dt className="font-medium">Vendor code</dt>
            <dd data-testid="vendor-code">{v.vendorCode ?? v.kind}</dd>
            <dt className="font-medium">Meaning</dt>
            <dd data-testid="vendor-meaning">{v.vendorMessage ?? vendorErrorKindText[v.kind]}</dd>
            {v.operation && (
              <>
                <dt className="font-medium">Call</dt>
                <dd className="font-mono">{v.operation}</dd>
              </>
            )}
          </dl>
        )}
      </Notice>
    </div>
  );
}
