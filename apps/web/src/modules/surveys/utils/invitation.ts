const KEY = 'rolemap.survey.invitation';

/**
 * The personal link's token: read once from the address (`/forms?invitation=…`), then kept in this
 * tab's session storage and taken out of the address bar, so it is not left in the history or
 * shown over a shoulder. Null when the visitor signs in instead.
 */
export function invitationToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('invitation');
  if (fromUrl) {
    window.sessionStorage.setItem(KEY, fromUrl);
    params.delete('invitation');
    const query = params.toString();
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
    return fromUrl;
  }
  return window.sessionStorage.getItem(KEY);
}

export function forgetInvitation(): void {
  window.sessionStorage.removeItem(KEY);
}
