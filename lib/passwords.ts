// Passwords a guesser tries first. The list is zxcvbn-ts's common-passwords dictionary (about
// 50,000 leaked passwords by frequency); only the ones long enough to pass the length rule matter.
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 8;

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].filter((p) => p.length >= MIN_PASSWORD_LENGTH));
  return common.has(password.toLowerCase());
}
