/** The account rules for a name typed after "@" or in a quote header: 3–20 letters, digits, "_" or "-". */
export const usernameChars = '[\\p{L}\\p{N}_-]';
export const usernamePattern = new RegExp(`^${usernameChars}{3,20}$`, 'u');

/** Usernames are stored NFKC-normalised and compared without case. */
export function usernameLookupKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}
