import { hash, verify } from '@node-rs/argon2';

/** argon2id, OWASP's minimum profile: 19 MiB, 2 iterations. */
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 /* Argon2id */ } as const;

/**
 * Each hash holds ~19 MiB; without a bound, a login flood could allocate without limit.
 * Callers beyond the limit wait in line.
 */
class Semaphore {
  private waiting: (() => void)[] = [];
  private active = 0;
  constructor(private limit: number) {}
  setLimit(limit: number) {
    this.limit = limit;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
  get inUse() {
    return this.active;
  }
}

const gate = new Semaphore(4);

export function setHashConcurrency(limit: number): void {
  gate.setLimit(limit);
}

export function hashesInFlight(): number {
  return gate.inUse;
}

export function hashPassword(password: string): Promise<string> {
  return gate.run(() => hash(password, options));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await gate.run(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

/** A real hash of nothing, verified against when the account does not exist, so timing reveals nothing. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-0');
  await verifyPassword(await dummyHash, password);
}
