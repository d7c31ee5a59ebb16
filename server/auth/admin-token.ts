import { base64url, errors, jwtVerify, SignJWT, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { HttpError } from '../http/errors';

/**
 * How the reference backend checks the admin tokens production mints: short-lived JWTs carrying the
 * admin's user id and an is-admin claim, signed by the dashboard with a key the worker shares.
 * - one algorithm allowed (HS256): `none`, RS256 and anything else are refused before any key is
 *   touched, so a token signed "with the public key as an HMAC secret" has nothing to confuse;
 * - two keys by `kid`, so the dashboard can start signing with a new key while tokens signed with
 *   the previous one still verify until they expire (rotation); an unknown `kid` is refused;
 * - issuer and audience must match; `exp` is required, `exp`/`nbf` get a small skew, and a token may
 *   live at most `MAX_LIFETIME_S` (a long-lived admin token is a leak waiting to happen).
 */
export interface AdminTokenConfig {
  issuer: string;
  audience: string;
  /** Verification keys by `kid`: base64url-encoded HMAC secrets (worker vars, never the client bundle). */
  keys: Readonly<Record<string, string>>;
  /** Wall-clock time (epoch ms) — the minting dashboard's time, not a town's dev clock. */
  now: () => number;
}

/** What a verified token says about its holder. */
export interface AdminClaims {
  user_id: string;
  email: string | null;
  name: string | null;
  is_admin: boolean;
  issued_at: number;
  expires_at: number;
}

export const ALLOWED_ALGORITHMS = ['HS256'] as const;
/** Skew allowed on `exp` and `nbf` between the dashboard's clock and the worker's. */
export const CLOCK_SKEW_S = 30;
/** Longest lifetime a token may claim (`exp - iat`). */
export const MAX_LIFETIME_S = 12 * 60 * 60;

const keyCache = new Map<string, Uint8Array>();
function secretOf(encoded: string): Uint8Array {
  let key = keyCache.get(encoded);
  if (!key) keyCache.set(encoded, (key = base64url.decode(encoded)));
  return key;
}

const unauthorized = (message: string, code = 'unauthorized') => new HttpError(401, code, message);

/** Verifies a bearer token; throws a 401 `HttpError` (code `token_expired` for an expired one) otherwise. */
export async function verifyAdminToken(token: string, config: AdminTokenConfig): Promise<AdminClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(
      token,
      (header: JWTHeaderParameters) => {
        const kid = header.kid;
        if (kid === undefined || !Object.hasOwn(config.keys, kid)) throw new UnknownKid(kid);
        return secretOf(config.keys[kid]!);
      },
      {
        algorithms: [...ALLOWED_ALGORITHMS],
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: CLOCK_SKEW_S,
        currentDate: new Date(config.now()),
        requiredClaims: ['exp', 'iat', 'sub'],
      },
    ));
  } catch (error) {
    throw describeFailure(error);
  }
  if (typeof payload.is_admin !== 'boolean') throw unauthorized('The admin token carries no is_admin claim.');
  if (payload.exp! - payload.iat! > MAX_LIFETIME_S)
    throw unauthorized(`The admin token lives longer than ${MAX_LIFETIME_S / 3600} h; ask for a short-lived one.`);
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    user_id: payload.sub!,
    email: str(payload.email),
    name: str(payload.name),
    is_admin: payload.is_admin,
    issued_at: payload.iat! * 1000,
    expires_at: payload.exp! * 1000,
  };
}

class UnknownKid extends Error {
  constructor(readonly kid: string | undefined) {
    super(kid === undefined ? 'no kid' : `unknown kid ${kid.slice(0, 40)}`);
  }
}

function describeFailure(error: unknown): HttpError {
  if (error instanceof UnknownKid)
    return unauthorized(
      error.kid === undefined
        ? 'The admin token names no signing key (kid).'
        : `The admin token is signed with an unknown key (kid ${error.kid.slice(0, 40)}).`,
    );
  if (error instanceof errors.JWTExpired)
    return unauthorized('The admin session has expired: sign in again for a fresh token.', 'token_expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return unauthorized('The admin token is not valid yet (nbf is in the future).', 'token_not_yet_valid');
    return unauthorized(`The admin token's ${error.claim} claim is not accepted (${error.reason}).`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return unauthorized(`The admin token's algorithm is not allowed (only ${ALLOWED_ALGORITHMS.join(', ')}).`);
  if (error instanceof errors.JWSSignatureVerificationFailed) return unauthorized('The admin token’s signature does not verify.');
  return unauthorized('The admin session is not valid: send a signed admin token (Authorization: Bearer <JWT>).');
}

/** What `mintAdminToken` signs. Times in seconds, relative to `now`. */
export interface MintOptions {
  user_id: string;
  email: string;
  name?: string;
  is_admin: boolean;
  kid: string;
  secret: string;
  issuer: string;
  audience: string;
  now: number;
  /** Lifetime in seconds (default 15 min). Negative: already expired. */
  expiresInS?: number;
  /** Seconds from now before the token becomes valid (default 0). */
  notBeforeS?: number;
}

/** Signs an admin token the way production's dashboard does (used by dev tooling and tests only). */
export async function mintAdminToken(o: MintOptions): Promise<string> {
  const iat = Math.floor(o.now / 1000);
  const lifetime = o.expiresInS ?? 15 * 60;
  // An expired token is minted as issued a minute before it expired, so only its expiry is wrong.
  const issued = lifetime < 0 ? iat + lifetime - 60 : iat;
  return new SignJWT({ email: o.email, ...(o.name ? { name: o.name } : {}), is_admin: o.is_admin })
    .setProtectedHeader({ alg: 'HS256', kid: o.kid, typ: 'JWT' })
    .setSubject(o.user_id)
    .setIssuer(o.issuer)
    .setAudience(o.audience)
    .setIssuedAt(issued)
    .setNotBefore(issued + (o.notBeforeS ?? 0))
    .setExpirationTime(iat + lifetime)
    .sign(secretOf(o.secret));
}
