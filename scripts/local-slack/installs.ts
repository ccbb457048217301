import { randomBytes } from 'node:crypto';
import type { MethodResult, Params } from './workspace';

/**
 * The installs of a local Slack with several workspaces: the OAuth v2 flow (the authorize page
 * answers at once with a redirect carrying a code, `oauth.v2.access` exchanges it), the bot token
 * of each installation, token rotation (`grant_type=refresh_token`; a refresh token works once, as
 * on Slack) and revocation (an uninstall). No I/O here: `web-api.ts` serves it.
 */

export interface LocalOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Where the authorize page sends the browser when the URL names no `redirect_uri` (the manifest's redirect URL). */
  redirectUri?: string;
  /** Tokens expire and come with a refresh token (Slack's token rotation). Default false. */
  tokenRotation?: boolean;
  /** Lifetime of rotating tokens, in seconds. Default 43 200 (12 h, as on Slack). */
  tokenLifetimeSeconds?: number;
}

/** Who a token belongs to: one workspace, or an Enterprise Grid org (an org-wide install). */
export type LocalInstallOwner = { teamId: string } | { enterpriseId: string };

export interface LocalGrant {
  owner: LocalInstallOwner;
  token: string;
  refreshToken?: string;
  /** Epoch seconds. */
  expiresAt?: number;
  revoked: boolean;
}

/** What the registry needs to know about a workspace or an org to answer for it. */
export interface InstallTarget {
  team?: { id: string; name: string };
  enterprise?: { id: string; name: string };
  botUserId: string;
  isEnterpriseInstall: boolean;
}

export interface InstallRegistryDeps {
  oauth?: LocalOAuthOptions;
  appId: string;
  /** The workspace or org an install is for; undefined when it does not exist. */
  targetOf(owner: LocalInstallOwner): InstallTarget | undefined;
  /** Who clicked "Allow" (authed_user). */
  installerOf(owner: LocalInstallOwner): string;
}

const BOT_SCOPES_FALLBACK = 'chat:write';

export class InstallRegistry {
  private readonly grants = new Map<string, LocalGrant>();
  private readonly codes = new Map<string, { owner: LocalInstallOwner; scope: string; redirectUri?: string }>();
  private lifetimeSeconds: number;
  private redirectUri: string | undefined;

  constructor(private readonly deps: InstallRegistryDeps) {
    this.lifetimeSeconds = deps.oauth?.tokenLifetimeSeconds ?? 43200;
    this.redirectUri = deps.oauth?.redirectUri;
  }

  /** The app's redirect URL, as its settings on Slack name it (an app on a free port knows it only once listening). */
  setRedirectUri(url: string): void {
    this.redirectUri = url;
  }

  /** Lifetime of rotating tokens issued from now on (e.g. a short one, to have the app refresh at once). */
  setTokenLifetime(seconds: number): void {
    this.lifetimeSeconds = seconds;
  }

  /**
   * The authorize page: the person picked a workspace (`team`) or, for an org-wide install, an org
   * (`enterprise`, a local-only parameter) and clicked "Allow". Answers the URL the browser goes to.
   */
  authorize(query: URLSearchParams): { status: number; location?: string; body?: string } {
    const oauth = this.deps.oauth;
    if (!oauth) return { status: 404, body: 'OAuth is not enabled on this local Slack' };
    if (query.get('client_id') !== oauth.clientId) return { status: 400, body: 'invalid client_id' };
    const redirectUri = query.get('redirect_uri') ?? this.redirectUri;
    if (!redirectUri) return { status: 400, body: 'no redirect_uri, and none configured' };
    const back = new URL(redirectUri);
    const state = query.get('state');
    if (state !== null) back.searchParams.set('state', state);
    const enterpriseId = query.get('enterprise');
    const teamId = query.get('team');
    const owner: LocalInstallOwner | undefined = enterpriseId ? { enterpriseId } : teamId ? { teamId } : undefined;
    if (query.get('deny') === '1' || !owner || !this.deps.targetOf(owner)) {
      back.searchParams.set('error', 'access_denied');
      return { status: 302, location: back.toString() };
    }
    const code = `${Date.now()}.${randomBytes(12).toString('hex')}`;
    this.codes.set(code, { owner, scope: query.get('scope') ?? BOT_SCOPES_FALLBACK, redirectUri: query.get('redirect_uri') ?? undefined });
    back.searchParams.set('code', code);
    return { status: 302, location: back.toString() };
  }

  /** `oauth.v2.access`: a code for an installation, or a refresh token for a new token pair. */
  access(params: Params): MethodResult {
    const oauth = this.deps.oauth;
    if (!oauth) return { ok: false, error: 'invalid_client_id' };
    if (params.client_id !== oauth.clientId) return { ok: false, error: 'invalid_client_id' };
    if (params.client_secret !== oauth.clientSecret) return { ok: false, error: 'bad_client_secret' };

    if (params.grant_type === 'refresh_token') {
      const grant = [...this.grants.values()].find((g) => g.refreshToken !== undefined && g.refreshToken === params.refresh_token);
      if (!grant || grant.revoked) return { ok: false, error: 'invalid_refresh_token' };
      // A refresh token works once: the old pair is replaced (the old access token lives out its time).
      grant.refreshToken = undefined;
      const next = this.issue(grant.owner, true);
      return this.answer(next, BOT_SCOPES_FALLBACK);
    }

    const code = typeof params.code === 'string' ? this.codes.get(params.code) : undefined;
    if (!code) return { ok: false, error: 'invalid_code' };
    this.codes.delete(params.code as string);
    if (code.redirectUri !== undefined && params.redirect_uri !== undefined && params.redirect_uri !== code.redirectUri) return { ok: false, error: 'bad_redirect_uri' };
    const grant = this.issue(code.owner, Boolean(oauth.tokenRotation));
    return { ...this.answer(grant, code.scope), authed_user: { id: this.deps.installerOf(code.owner) } };
  }

  /** A bot token for `owner` without the browser steps (a test that needs an installed workspace). */
  mint(owner: LocalInstallOwner, rotating = false): LocalGrant {
    return this.issue(owner, rotating);
  }

  grantFor(token: string | undefined): LocalGrant | undefined {
    return token === undefined ? undefined : this.grants.get(token);
  }

  /** Revokes every token of `owner`, as uninstalling the app does. */
  revoke(owner: LocalInstallOwner): void {
    for (const grant of this.grants.values()) {
      if (sameOwner(grant.owner, owner)) grant.revoked = true;
    }
  }

  private issue(owner: LocalInstallOwner, rotating: boolean): LocalGrant {
    const token = `xoxb-${'enterpriseId' in owner ? owner.enterpriseId : owner.teamId}-${randomBytes(12).toString('hex')}`;
    const grant: LocalGrant = rotating
      ? { owner, token, refreshToken: `xoxe-1-${randomBytes(16).toString('hex')}`, expiresAt: Math.floor(Date.now() / 1000) + this.lifetimeSeconds, revoked: false }
      : { owner, token, revoked: false };
    this.grants.set(token, grant);
    return grant;
  }

  private answer(grant: LocalGrant, scope: string): MethodResult {
    const target = this.deps.targetOf(grant.owner);
    if (!target) return { ok: false, error: 'team_not_found' };
    return {
      ok: true,
      access_token: grant.token,
      token_type: 'bot',
      scope,
      bot_user_id: target.botUserId,
      app_id: this.deps.appId,
      team: target.team ?? null,
      enterprise: target.enterprise ?? null,
      is_enterprise_install: target.isEnterpriseInstall,
      ...(grant.refreshToken && grant.expiresAt !== undefined
        ? { refresh_token: grant.refreshToken, expires_in: grant.expiresAt - Math.floor(Date.now() / 1000) }
        : {}),
    };
  }
}

function sameOwner(a: LocalInstallOwner, b: LocalInstallOwner): boolean {
  return 'enterpriseId' in a ? 'enterpriseId' in b && a.enterpriseId === b.enterpriseId : 'teamId' in b && a.teamId === b.teamId;
}
