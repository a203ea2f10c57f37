// Accounts and sessions, through better-auth (the only file that configures it): email and
// password sign-up and sign-in, session cookies, and Netdojo's `role` on the user. Everything
// else asks currentUser()/requireUser() and gets a plain User.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { z } from 'zod';
import { db } from './db';
import { readEnv } from './env';
import { AppError } from './errors';
import { isCommonPassword, MIN_PASSWORD_LENGTH } from './passwords';

export const Role = z.enum(['student', 'instructor', 'admin']);
export type Role = z.infer<typeof Role>;

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const env = readEnv();

/** RFC 5321's limit on an address; names are shown in rosters and headers. */
const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 80;
const MAX_PASSWORD_LENGTH = 128;

const SignUp = z.object({
  email: z.string().max(MAX_EMAIL_LENGTH, `An email address has at most ${MAX_EMAIL_LENGTH} characters.`),
  name: z.string().trim().min(1, 'Give a name to show on your work.').max(MAX_NAME_LENGTH, `A name has at most ${MAX_NAME_LENGTH} characters.`),
  password: z
    .string()
    .refine((p) => !isCommonPassword(p), 'That password is on the lists of common passwords that attackers try first; choose another (a few unrelated words make a strong one).'),
});

/** What better-auth does not check at sign-up: lengths of the name and address, and well-known passwords. */
const signUpRules = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== '/sign-up/email') return;
  const parsed = SignUp.safeParse(ctx.body);
  if (!parsed.success) throw new APIError('BAD_REQUEST', { message: parsed.error.issues[0]!.message });
});

/** The header server.ts sets to the address a request came from. */
export const CLIENT_IP_HEADER = 'x-netdojo-client-ip';

/**
 * The signing secret: NETDOJO_AUTH_SECRET, or one generated on first start and kept in the data
 * folder, so `npm start` needs no hand step and sessions survive a restart.
 */
function authSecret(): string {
  if (env.authSecret) return env.authSecret;
  const file = join(env.dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(env.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

export const auth = betterAuth({
  appName: 'Netdojo',
  baseURL: env.origins[0],
  secret: authSecret(),
  trustedOrigins: env.origins,
  database: prismaAdapter(db, { provider: env.database.provider }),
  emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH, autoSignIn: true },
  hooks: { before: signUpRules },
  user: {
    additionalFields: {
      // input: false, so a sign-up request cannot choose its own role.
      role: { type: 'string', required: false, defaultValue: 'student', input: false },
    },
  },
  session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
  // Netdojo runs offline and reports nothing home.
  telemetry: { enabled: false },
  // Password guessing is slowed per client address. server.ts puts the connection's address in
  // CLIENT_IP_HEADER (overwriting whatever a client sent), so one student's attempts do not use up
  // everyone's; a class behind one NAT shares a budget, hence a roomy default.
  rateLimit: {
    enabled: true,
    window: 60,
    max: 300,
    customRules: {
      '/sign-in/email': { window: 60, max: env.authAttemptsPerMinute },
      '/sign-up/email': { window: 60, max: env.authAttemptsPerMinute },
    },
  },
  advanced: { ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] } },
  plugins: [nextCookies()],
});

function toUser(user: { id: string; email: string; name: string; role?: unknown }): User {
  return { id: user.id, email: user.email, name: user.name, role: Role.catch('student').parse(user.role) };
}

/** The signed-in user of a request, from its session cookie; null when signed out. */
export async function currentUser(headers: Headers): Promise<User | null> {
  const session = await auth.api.getSession({ headers });
  return session ? toUser(session.user) : null;
}

export async function requireUser(headers: Headers): Promise<User> {
  const user = await currentUser(headers);
  if (!user) throw new AppError('Unauthenticated', 'Sign in first.');
  return user;
}

export function isStaff(user: User): boolean {
  return user.role === 'instructor' || user.role === 'admin';
}

/** Creates an account (or finds it) and gives it a role: the CLI's `user add` and the first admin. */
export async function ensureAccount(input: { email: string; password: string; name?: string; role: Role }): Promise<User> {
  const email = input.email.toLowerCase();
  let row = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!row) {
    const created = await auth.api.signUpEmail({ body: { email, password: input.password, name: input.name ?? email.split('@')[0]! } });
    row = { id: created.user.id };
  }
  const user = await db.user.update({ where: { id: row.id }, data: { role: input.role }, select: { id: true, email: true, name: true, role: true } });
  return toUser(user);
}

export async function setRole(email: string, role: Role): Promise<User> {
  const found = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!found) throw new AppError('NotFound', `no account with the email ${email}`);
  return toUser(await db.user.update({ where: { id: found.id }, data: { role }, select: { id: true, email: true, name: true, role: true } }));
}

/** NETDOJO_ADMIN_EMAIL + NETDOJO_ADMIN_PASSWORD name the first admin; applied at every start. */
export async function ensureAdminFromEnv(): Promise<User | undefined> {
  return env.admin ? ensureAccount({ ...env.admin, role: 'admin' }) : undefined;
}
