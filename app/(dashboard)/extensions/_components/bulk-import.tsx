'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Badge, Card, Notice } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { parseCsv } from '@/components/forms/csv';
import { useDraftKey } from '@/components/forms/draft-key';
import { FormError } from '@/components/forms/form-error';
import { TenantSelect, tenantKey } from '@/components/forms/tenant-select';
import type { ConfigTenantView } from '@/components/forms/types';
import type { AppErrorInfo } from '@/lib/result';
import { bulkCreateExtensionsAction } from '@/server/actions/config';
import type { BulkRowResult } from '@/server/services/config-extensions';
import { EXT_KEY } from './extensions-editor';
import { useFormSpec } from '@/components/forms/use-config-reads';

/**
 * CSV import: header `number,name,email` plus the vendor's own field names. Every row is reported — created,
 * failed with the vendor's reason, or not attempted — and importing the same file again with the same key
 * creates nothing twice.
 */
export function BulkImport({ tenants, onDone }: { tenants: ConfigTenantView[]; onDone: () => void }) {
  const qc = useQueryClient();
  const [tk, setTk] = useState(tenants[0] ? tenantKey(tenants[0]) : '');
  const tenant = tenants.find((t) => tenantKey(t) === tk);
  const spec = useFormSpec('extension-form', tenant);
  const [file, setFile] = useState<{ name: string; rows: Record<string, string>[]; header: string[] } | null>(null);
  const [results, setResults] = useState<BulkRowResult[] | null>(null);
  const [failure, setFailure] = useState<AppErrorInfo | null>(null);
  const [pending, setPending] = useState(false);
  const keys = useDraftKey();
  const vendorCols = spec.data?.status === 'ok' ? spec.data.value.fields.map((f) => `${f.name}${f.required ? '*' : ''}`) : [];

  const run = async () => {
    if (!tenant || !file) return;
    setPending(true);
    setFailure(null);
    const ref = { connectionId: tenant.connectionId, tenantId: tenant.tenantId };
    try {
      const r = await bulkCreateExtensionsAction(ref, file.rows, keys.keyFor({ ref, rows: file.rows }));
      if (r.ok) setResults(r.data);
      else setFailure(r.error);
    } catch {
      setFailure({ code: 'internal', message: 'Switchboard did not answer. Import the same file again: rows already created are not created twice.' });
    } finally {
      setPending(false);
      await qc.invalidateQueries({ queryKey: EXT_KEY });
    }
  };

  const counts = results && { created: results.filter((r) => r.status === 'created').length, failed: results.filter((r) => r.status === 'failed').length, skipped: results.filter((r) => r.status === 'not_attempted').length };
  return (
    <Card className="space-y-4 p-5" data-testid="bulk-import">
      <h2 className="font-semibold">Import extensions from CSV</h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <TenantSelect tenants={tenants} value={tk} onChange={setTk} />
        <Field label="CSV file" help={`Columns: number*, name*, email${vendorCols.length ? `, ${vendorCols.join(', ')}` : ''}`}>
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,text/csv"
              className={inputClass}
              onChange={async (e) => {
                const f = e.target.files?.[0];
                setResults(null);
                if (!f) return setFile(null);
                const parsed = parseCsv(await f.text());
                setFile({ name: f.name, ...parsed });
              }}
            />
          )}
        </Field>
      </div>
      {file && (
        <p className="text-sm" data-testid="bulk-preview">
          {file.name}: {file.rows.length} row{file.rows.length === 1 ? '' : 's'}
          {!file.header.includes('number') || !file.header.includes('name') ? <span className="text-red-600"> — the header needs at least “number” and “name”</span> : null}
        </p>
      )}
      <FormError error={failure} />
      <div className="flex gap-2">
        <Button onClick={run} disabled={pending || !file || !file.rows.length || !file.header.includes('number')} data-testid="bulk-import-run">
          {pending ? 'Importing…' : 'Import'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Close
        </Button>
      </div>
      {counts && (
        <Notice tone={counts.failed || counts.skipped ? 'warn' : 'good'} testId="bulk-summary">
          {counts.created} created, {counts.failed} failed, {counts.skipped} not attempted.
        </Notice>
      )}
      {results && (
        <Table data-testid="bulk-results">
          <thead>
            <tr>
              <Th>Line</Th>
              <Th>Number</Th>
              <Th>Result</Th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.line} data-testid="bulk-row" data-status={r.status}>
                <Td className="tabular">{r.line}</Td>
                <Td className="tabular">{r.number}</Td>
                <Td>
                  {r.status === 'created' ? (
                    <Badge tone="good">created</Badge>
                  ) : r.status === 'failed' ? (
                    <>
                      <Badge tone="bad">failed</Badge> <span className="text-sm">{r.error.message}</span>
                    </>
                  ) : (
                    <>
                      <Badge tone="warn">not attempted</Badge> <span className="text-sm">{r.reason}</span>
                    </>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
