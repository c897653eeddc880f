'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';
import { loginAction, type LoginState } from '@/server/actions/auth';

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {});
  return (
    <Card className="p-6">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="next" value={next} />
        <h1 className="text-lg font-semibold">Sign in</h1>
        {state.error && (
          <p data-testid="login-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
            {state.error}
          </p>
        )}
        <Field label="E-mail" error={state.fieldErrors?.email}>
          {(p) => <input {...p} name="email" type="email" autoComplete="username" defaultValue={state.email} className={inputClass} required />}
        </Field>
        <Field label="Password" error={state.fieldErrors?.password}>
          {(p) => <input {...p} name="password" type="password" autoComplete="current-password" className={inputClass} required />}
        </Field>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </Card>
  );
}
