'use server';

import { AuthError } from 'next-auth';
import { loginSchema } from '@/lib/schemas/user';
import { signIn, signOut } from '@/server/auth/config';
import { fieldErrorsOf } from '@/server/errors';

export interface LoginState {
  error?: string;
  fieldErrors?: Record<string, string>;
  email?: string;
}

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const raw = { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), email: raw.email };
  const next = String(form.get('next') ?? '/overview');
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: next.startsWith('/') && !next.startsWith('//') ? next : '/overview' });
    return {};
  } catch (err) {
    // signIn redirects by throwing on success; only auth failures are ours to report.
    if (err instanceof AuthError) {
      const throttled = (err as AuthError & { code?: string }).code === 'throttled';
      return { error: throttled ? 'Too many failed sign-ins for this e-mail. Try again in 15 minutes.' : 'The e-mail or password is wrong, or the account is disabled.', email: raw.email };
    }
    throw err;
  }
}

export async function logoutAction() {
  await signOut({ redirectTo: '/login' });
}
