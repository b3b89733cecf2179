/** The server's sign-in routes: JSON posts from this origin (the server refuses anything else). */
async function postJson(path: string, body: unknown): Promise<void> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(answer?.message ?? `The server answered ${response.status}`);
  }
}

export const signInWithPassword = (email: string, password: string) => postJson('/api/auth/sign-in', { email, password });
export const signInWithLink = (token: string) => postJson('/api/auth/link', { token });
export const signOut = () => postJson('/api/auth/sign-out', {});

export type SignInOptions = { sso: { providerName: string; startUrl: string } | null };

/** What the sign-in page offers besides a password: single sign-on, when the server has a provider. */
export async function fetchSignInOptions(): Promise<SignInOptions> {
  const response = await fetch('/api/sign-in-options', { credentials: 'same-origin' });
  if (!response.ok) return { sso: null };
  return (await response.json()) as SignInOptions;
}

/** Where the "Sign in with …" link goes: the provider, then back to `returnTo` on this app. */
export function singleSignOnUrl(startUrl: string, returnTo: string): string {
  return `${startUrl}?${new URLSearchParams({ returnTo })}`;
}
