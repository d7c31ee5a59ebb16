/**
 * An external URL we may put in an href: only absolute http(s). PR URLs are written by the refinery
 * (an LLM) and have been hallucinated before, so anything else (javascript:, data:, relative) is shown as text.
 */
export function toSafeExternalUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A git remote as a browser link (https remotes only, `.git` dropped); null for ssh or anything unsafe. */
export function repoWebUrl(gitUrl: string): string | null {
  const safe = toSafeExternalUrl(gitUrl);
  return safe && safe.startsWith('https:') ? safe.replace(/\.git$/, '') : null;
}
