'use client';
// The browser side of better-auth (lib/auth.ts is the server side): sign-up, sign-in, sign-out.
import { createAuthClient } from 'better-auth/react';

export const authClient = createAuthClient();
