import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { loginSchema } from '@/lib/schemas/user';
import { derivedAuthSecret } from '@/server/crypto';
import { findUserForLogin } from '@/server/services/users';
import { clearLoginFailures, loginBlockedFor, recordLoginFailure } from './throttle';

class InvalidLogin extends CredentialsSignin {
  code = 'invalid_login';
}
class Throttled extends CredentialsSignin {
  code = 'throttled';
}

/**
 * next-auth v5 with e-mail + password. The session is a JWT holding only the user ID; role, tenant binding and
 * "disabled" are read from the database on every request (see session.ts), so disabling a user takes effect on
 * their next request. The config is built lazily so `next build` never touches the data directory.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: process.env.AUTH_SECRET ?? derivedAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: { label: 'E-mail' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
        const parsed = loginSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidLogin();
        if (loginBlockedFor(parsed.data.email) > 0) throw new Throttled();
        const user = await findUserForLogin(parsed.data.email, parsed.data.password);
        if (!user) {
          recordLoginFailure(parsed.data.email);
          throw new InvalidLogin();
        }
        clearLoginFailures(parsed.data.email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
