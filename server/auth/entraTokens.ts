// Checks a Microsoft Entra ID token (an ID token, or an access token for this server) and reads who
// it names. The checks Microsoft asks of an API: the signature with a key the issuer publishes
// (its JWKS, found through the issuer's OpenID metadata, cached, and fetched again when a token names
// a key id it does not hold: key rotation), RS256 only, the issuer, the audience, exp and nbf with
// a small clock tolerance, and the tenant (`tid`) the partner's. jose does the cryptography.
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { isTrustedUrl } from '../config';

export interface EntraSettings {
  /** The tenants whose people may sign in (lowercase GUIDs). */
  tenantIds: string[];
  /** The issuer; `{tenantid}` stands for each allowed tenant. */
  issuer: string;
  audiences: string[];
  clockToleranceSeconds: number;
  jwksCacheSeconds: number;
  jwksCooldownSeconds: number;
  /** The clock tokens are checked against; default the computer's. */
  now?: () => Date;
  /** Timeout of the metadata and key requests. */
  timeoutMs?: number;
}

/** Who a valid token names. */
export interface EntraIdentity {
  tenantId: string;
  /** The person's object id (`oid`): the same for every app, never reused. */
  objectId: string;
  /** `preferred_username` (v2.0) or `upn`: usually the sign-in name; mutable, so never the key. */
  username: string | undefined;
  email: string | undefined;
  name: string | undefined;
  /** App role values assigned to the person in the server's app registration. */
  roles: string[];
}

export type EntraRefusal = 'malformed' | 'issuer' | 'audience' | 'expired' | 'not-yet-valid' | 'algorithm' | 'signature' | 'tenant' | 'claims';

/** The token is not one this server accepts; the message says why, in words. */
export class EntraTokenError extends Error {
  constructor(
    readonly reason: EntraRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'EntraTokenError';
  }
}

/** The issuer's metadata or keys could not be read: nothing is known about the token. */
export class EntraUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EntraUnavailableError';
  }
}

const ALGORITHMS = ['RS256'];
const Guid = z.guid();
const Metadata = z.object({ issuer: z.string(), jwks_uri: z.url() });
const Claims = z.object({
  tid: z.string(),
  oid: z.string(),
  preferred_username: z.string().optional(),
  upn: z.string().optional(),
  email: z.string().optional(),
  name: z.string().optional(),
  roles: z.array(z.string()).optional(),
});

type KeySet = ReturnType<typeof createRemoteJWKSet>;

export class EntraVerifier {
  /** issuer -> the one tenant it stands for, or null when one issuer serves every allowed tenant. */
  private readonly issuers = new Map<string, string | null>();
  private readonly keySets = new Map<string, Promise<KeySet>>();

  constructor(private readonly s: EntraSettings) {
    if (s.issuer.includes('{tenantid}')) for (const tid of s.tenantIds) this.issuers.set(s.issuer.replaceAll('{tenantid}', tid), tid);
    else this.issuers.set(s.issuer, null);
  }

  /** The issuers this server trusts, as tokens must name them. */
  get trustedIssuers(): string[] {
    return [...this.issuers.keys()];
  }

  async verify(token: string): Promise<EntraIdentity> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new EntraTokenError('malformed', 'the Microsoft token is not a signed JWT');
    }
    const iss = unverified.iss;
    if (typeof iss !== 'string' || !this.issuers.has(iss)) {
      throw new EntraTokenError(
        'issuer',
        `the token was issued by ${typeof iss === 'string' ? `"${iss}"` : 'no issuer'}, not by the tenant this server trusts (${this.trustedIssuers.join(', ')})`,
      );
    }
    const keys = await this.keySet(iss);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: iss,
        audience: this.s.audiences,
        algorithms: ALGORITHMS,
        clockTolerance: this.s.clockToleranceSeconds,
        requiredClaims: ['exp', 'tid', 'oid'],
        ...(this.s.now ? { currentDate: this.s.now() } : {}),
      }));
    } catch (e) {
      throw this.refusal(e, unverified);
    }
    const c = Claims.safeParse(payload);
    if (!c.success) throw new EntraTokenError('claims', `the token's claim ${c.error.issues[0]?.path.join('.')} is not what Entra sends`);
    const tenantId = c.data.tid.toLowerCase();
    const bound = this.issuers.get(iss);
    if (!this.s.tenantIds.includes(tenantId) || (bound != null && bound !== tenantId)) {
      throw new EntraTokenError('tenant', `the token is for tenant ${c.data.tid}, which may not sign in to this server`);
    }
    if (!Guid.safeParse(c.data.oid).success) throw new EntraTokenError('claims', 'the token has no object id (oid) of a person');
    return {
      tenantId,
      objectId: c.data.oid.toLowerCase(),
      username: c.data.preferred_username ?? c.data.upn,
      email: c.data.email,
      name: c.data.name,
      roles: c.data.roles ?? [],
    };
  }

  /** The issuer's key set, found through its metadata once; a failed lookup is tried again next time. */
  private keySet(issuer: string): Promise<KeySet> {
    let p = this.keySets.get(issuer);
    if (!p) {
      p = this.discover(issuer);
      this.keySets.set(issuer, p);
      p.catch(() => this.keySets.delete(issuer));
    }
    return p;
  }

  private async discover(issuer: string): Promise<KeySet> {
    const where = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let body: unknown;
    try {
      const res = await fetch(where, { signal: AbortSignal.timeout(this.s.timeoutMs ?? 5000), headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      body = await res.json();
    } catch (e) {
      throw new EntraUnavailableError(`cannot read the sign-in metadata at ${where}: ${(e as Error).message}`, { cause: e });
    }
    const m = Metadata.safeParse(body);
    if (!m.success) throw new EntraUnavailableError(`the sign-in metadata at ${where} has no issuer or jwks_uri`);
    // The metadata must be the issuer's own (OpenID Connect Discovery, section 4.3).
    if (m.data.issuer !== issuer) throw new EntraUnavailableError(`the sign-in metadata at ${where} names issuer "${m.data.issuer}", not "${issuer}"`);
    const jwksUri = new URL(m.data.jwks_uri);
    if (!isTrustedUrl(jwksUri)) throw new EntraUnavailableError(`the sign-in metadata at ${where} points to keys over plain http (${jwksUri.href})`);
    return createRemoteJWKSet(jwksUri, {
      cacheMaxAge: this.s.jwksCacheSeconds * 1000,
      cooldownDuration: this.s.jwksCooldownSeconds * 1000,
      timeoutDuration: this.s.timeoutMs ?? 5000,
    });
  }

  private refusal(e: unknown, unverified: JWTPayload): Error {
    if (e instanceof errors.JWTExpired) {
      return new EntraTokenError('expired', `the Microsoft token expired at ${when(unverified.exp)}: sign in again`);
    }
    if (e instanceof errors.JWTClaimValidationFailed) {
      if (e.claim === 'aud') {
        return new EntraTokenError('audience', `the token is for ${JSON.stringify(unverified.aud)}, not for this server (${this.s.audiences.join(', ')})`);
      }
      if (e.claim === 'nbf') return new EntraTokenError('not-yet-valid', `the Microsoft token is valid only from ${when(unverified.nbf)}: check the computer's clock`);
      if (e.claim === 'iss') return new EntraTokenError('issuer', `the token was issued by "${String(unverified.iss)}", not by the tenant this server trusts`);
      return new EntraTokenError('claims', `the token's claim ${e.claim} is missing or wrong (${e.reason})`);
    }
    if (e instanceof errors.JOSEAlgNotAllowed) return new EntraTokenError('algorithm', `the token is signed with an algorithm this server does not accept (only ${ALGORITHMS.join(', ')})`);
    if (e instanceof errors.JWKSNoMatchingKey) {
      return new EntraTokenError('signature', 'the token is signed with a key the issuer does not publish (an old or a forged token)');
    }
    if (e instanceof errors.JWSSignatureVerificationFailed) return new EntraTokenError('signature', "the token's signature is not valid");
    if (e instanceof errors.JWKSTimeout || !(e instanceof errors.JOSEError) || e.code === 'ERR_JOSE_GENERIC') {
      return new EntraUnavailableError(`cannot read the issuer's signing keys: ${(e as Error).message}`, { cause: e });
    }
    return new EntraTokenError('malformed', `the Microsoft token is not valid: ${e.message}`);
  }
}

const when = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : 'an unknown time');
