/** User search's URL: `/users?q=<email, user id or name>`. */
export interface UserSearchView {
  q: string;
}

export function parseUserSearchView(params: URLSearchParams): UserSearchView {
  return { q: params.get('q') ?? '' };
}

export function writeUserSearchView(view: UserSearchView, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  if (view.q) next.set('q', view.q);
  else next.delete('q');
  return next;
}
