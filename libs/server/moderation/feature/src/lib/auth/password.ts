import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 65 ms here, enough to
 * make guessing slow without letting sign-in attempts exhaust the server. @node-rs/argon2 (Rust,
 * N-API, prebuilt per platform) rather than `argon2`, whose 0.45 prebuilt crashes Node 20 here.
 */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified when the email is unknown so both cases take as long. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoy;
}

const COMMON = ['password', 'passw0rd', '123456', 'qwerty', 'letmein', 'welcome', 'admin', 'changeme', 'denialmap', 'medicare', 'iloveyou', 'monkey', 'dragon'];

/** Why a password is not acceptable, or null. Length over composition rules (NIST SP 800-63B). */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split('@')[0];
  if (local.length >= 4 && lower.includes(local)) return 'Do not use your email address in the password.';
  if (new Set(lower).size < 5) return 'Use more different characters.';
  if (COMMON.some((word) => lower.replace(/[^a-z0-9]/g, '').startsWith(word) && lower.length < word.length + 6)) return 'This password is too easy to guess.';
  return null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailProblem(email: string): string | null {
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'Enter an email address like name@example.org.';
  return null;
}
