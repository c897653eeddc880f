import 'server-only';
import bcrypt from 'bcryptjs';

export const hashPassword = (plain: string) => bcrypt.hash(plain, 10);
export const verifyPassword = (plain: string, hash: string) => bcrypt.compare(plain, hash);

let dummy: string | undefined;
/** A real hash to compare against for unknown e-mails, so response time does not reveal which accounts exist. */
export const dummyHash = () => (dummy ??= bcrypt.hashSync('no-such-user-password', 10));
