'use client';

import { useId, useRef } from 'react';
import { Button } from './button';
import { Notice } from './card';

/**
 * A button that opens a modal form: title, explanation, fields, the outcome of the last attempt, and a footer
 * with Close plus the form's own actions. Native <dialog>, so focus and Escape behave as the browser does.
 */
export function FormDialog({
  trigger,
  title,
  description,
  onSubmit,
  message,
  messageTestId,
  actions,
  children,
  wide,
  onOpen,
}: {
  trigger: React.ReactNode;
  title: string;
  description: string;
  onSubmit: () => void;
  message: { tone: 'good' | 'bad'; text: string } | null;
  messageTestId: string;
  actions: React.ReactNode;
  children: React.ReactNode;
  wide?: boolean;
  onOpen?: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          onOpen?.();
          ref.current?.showModal();
        }}
      >
        {trigger}
      </Button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        className={`m-auto w-full ${wide ? 'max-w-lg' : 'max-w-md'} rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
      >
        <form
          noValidate
          className="space-y-4 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>
          {children}
          {message && (
            <div data-testid={messageTestId}>
              <Notice tone={message.tone}>{message.text}</Notice>
            </div>
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => ref.current?.close()}>
              Close
            </Button>
            {actions}
          </div>
        </form>
      </dialog>
    </>
  );
}
