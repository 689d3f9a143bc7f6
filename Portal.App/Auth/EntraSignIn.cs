using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Portal.App.Data;
using Portal.Core.Organisations;

namespace Portal.App.Auth;

/// <summary>
/// Sign-in with Entra ID (or any OpenID Connect provider) through MSAL: authorization code flow with PKCE,
/// with <c>state</c> and <c>nonce</c> generated here, kept server-side, bound to the browser by a cookie and
/// used once. The ID token's signature, issuer, audience, lifetime and nonce are all checked before the
/// portal's own cookie session starts.
/// </summary>
public sealed class EntraSignIn(
    IOptions<AzureAdOptions> options,
    IMemoryCache pending,
    IDbContextFactory<PortalDbContext> dbFactory,
    PrincipalFactory principals,
    ConfigurationManager<OpenIdConnectConfiguration> metadata,
    ILogger<EntraSignIn> logger)
{
    public const string CorrelationCookie = "Portal.SignIn";
    private static readonly string[] Scopes = ["email"];
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);

    private sealed record PendingSignIn(string Nonce, string CodeVerifier, string ReturnUrl, string RedirectUri);

    public async Task<IResult> ChallengeAsync(HttpContext http, string? returnUrl)
    {
        var state = RandomToken();
        var nonce = RandomToken();
        var redirectUri = RedirectUri(http);
        var url = await Client(redirectUri)
            .GetAuthorizationRequestUrl(Scopes)
            .WithRedirectUri(redirectUri)
            .WithPrompt(Prompt.NoPrompt)
            .WithPkce(out var codeVerifier)
            .WithExtraQueryParameters(new Dictionary<string, (string, bool)> { ["state"] = (state, false), ["nonce"] = (nonce, false) })
            .ExecuteAsync();

        pending.Set(Key(state), new PendingSignIn(nonce, codeVerifier, LocalOnly(returnUrl), redirectUri), PendingLifetime);
        http.Response.Cookies.Append(CorrelationCookie, state, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = PendingLifetime,
            Path = options.Value.CallbackPath,
        });
        return Results.Redirect(url.ToString());
    }

    public async Task<IResult> CallbackAsync(HttpContext http)
    {
        var query = http.Request.Query;
        if (!string.IsNullOrEmpty(query["error"]))
        {
            logger.LogWarning("The identity provider returned an error: {Error}", query["error"].ToString());
            return Failed("The sign-in service did not sign you in. Please try again.");
        }

        var state = query["state"].ToString();
        var bound = http.Request.Cookies[CorrelationCookie];
        http.Response.Cookies.Delete(CorrelationCookie, new CookieOptions { Path = options.Value.CallbackPath });
        // Taking the pending entry out makes the state single-use: a replayed callback finds nothing.
        if (string.IsNullOrEmpty(state) || state != bound || !pending.TryGetValue(Key(state), out PendingSignIn? signIn) || signIn is null)
        {
            logger.LogWarning("Sign-in callback rejected: state missing, unknown or not bound to this browser");
            return Failed("This sign-in link has expired or was not started in this browser. Please sign in again.");
        }
        pending.Remove(Key(state));

        AuthenticationResult token;
        try
        {
            token = await Client(signIn.RedirectUri)
                .AcquireTokenByAuthorizationCode(Scopes, query["code"].ToString())
                .WithPkceCodeVerifier(signIn.CodeVerifier)
                .ExecuteAsync(http.RequestAborted);
        }
        catch (MsalException ex)
        {
            logger.LogWarning("Authorization code was refused by the identity provider: {ErrorCode}", ex.ErrorCode);
            return Failed("The sign-in could not be completed. Please sign in again.");
        }

        ClaimsPrincipal idToken;
        try
        {
            idToken = await ValidateIdTokenAsync(token.IdToken, signIn.Nonce, http.RequestAborted);
        }
        catch (SecurityTokenException ex)
        {
            logger.LogWarning("ID token rejected: {Reason}", ex.GetType().Name);
            return Failed("The sign-in could not be verified. Please sign in again.");
        }

        var userId = await ProvisionAsync(idToken, http.RequestAborted);
        var principal = await principals.CreateAsync(userId, "entra", token.IdToken, http.RequestAborted);
        if (principal is null)
            return Results.Redirect("/account/awaiting-access?disabled=1");
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.Redirect(principal.IsInRoleAny() ? signIn.ReturnUrl : "/account/awaiting-access");
    }

    public async Task<string?> EndSessionUrlAsync(HttpContext http, string? idTokenHint)
    {
        var config = await metadata.GetConfigurationAsync(http.RequestAborted);
        if (string.IsNullOrEmpty(config.EndSessionEndpoint))
            return null;
        var post = $"{http.Request.Scheme}://{http.Request.Host}{options.Value.SignedOutCallbackPath}";
        var parameters = new Dictionary<string, string?> { ["post_logout_redirect_uri"] = post, ["client_id"] = options.Value.ClientId };
        if (!string.IsNullOrEmpty(idTokenHint))
            parameters["id_token_hint"] = idTokenHint;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(config.EndSessionEndpoint, parameters);
    }

    private async Task<ClaimsPrincipal> ValidateIdTokenAsync(string idToken, string expectedNonce, CancellationToken cancellationToken)
    {
        var config = await metadata.GetConfigurationAsync(cancellationToken);
        var handler = new JwtSecurityTokenHandler { MapInboundClaims = false };
        var principal = handler.ValidateToken(idToken, new TokenValidationParameters
        {
            ValidIssuer = config.Issuer,
            ValidAudience = options.Value.ClientId,
            IssuerSigningKeys = config.SigningKeys,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        }, out _);
        var nonce = principal.FindFirstValue("nonce");
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(nonce ?? ""), System.Text.Encoding.UTF8.GetBytes(expectedNonce)))
            throw new SecurityTokenValidationException("nonce mismatch");
        return principal;
    }

    /// <summary>
    /// Finds the person by their provider id, else links a record an administrator created by email,
    /// else records them without an organisation so an administrator can place them ("awaiting access").
    /// Entra app roles, when asserted, replace the stored roles (docs/decisions/0003).
    /// </summary>
    private async Task<Guid> ProvisionAsync(ClaimsPrincipal idToken, CancellationToken cancellationToken)
    {
        var subject = idToken.FindFirstValue("oid") ?? idToken.FindFirstValue("sub")
            ?? throw new SecurityTokenValidationException("no subject");
        var email = idToken.FindFirstValue("email") ?? idToken.FindFirstValue("preferred_username") ?? $"{subject}@unknown.invalid";
        var name = idToken.FindFirstValue("name") ?? email;
        var roles = PortalRoleClaims.From(idToken.FindAll("roles").Select(c => c.Value)).ToList();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.ExternalSubject == subject, cancellationToken)
            ?? await db.Users.FirstOrDefaultAsync(u => u.Email == email.ToLower() && u.ExternalSubject == null, cancellationToken);
        if (user is null)
        {
            user = new PortalUser(name, email, organisation: null);
            db.Users.Add(user);
        }
        if (user.ExternalSubject is null)
            user.LinkExternalIdentity(subject);
        if (idToken.HasClaim(c => c.Type == "roles"))
            user.SyncRolesFromIdentityProvider(roles);
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    private IConfidentialClientApplication Client(string redirectUri)
    {
        var o = options.Value;
        var builder = ConfidentialClientApplicationBuilder.Create(o.ClientId)
            .WithClientSecret(o.ClientSecret)
            .WithRedirectUri(redirectUri);
        builder = string.IsNullOrWhiteSpace(o.Authority)
            ? builder.WithAuthority(o.EffectiveAuthority)
            : builder.WithOidcAuthority(o.EffectiveAuthority);
        return builder.Build();
    }

    private string RedirectUri(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{options.Value.CallbackPath}";

    private static IResult Failed(string message) =>
        Results.Redirect($"/account/signin?error={Uri.EscapeDataString(message)}");

    private static string Key(string state) => "signin:" + state;

    private static string RandomToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    internal static string LocalOnly(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}

internal static class PrincipalExtensions
{
    public static bool IsInRoleAny(this ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == ClaimTypes.Role);
}
