namespace Portal.App.Auth;

/// <summary>
/// The "AzureAd" configuration section, with the keys Microsoft.Identity.Web uses so an administrator who
/// knows it can configure the portal. <see cref="Authority"/> overrides Instance/TenantId for any other
/// OpenID Connect provider.
/// </summary>
public sealed class AzureAdOptions
{
    public const string Section = "AzureAd";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string CallbackPath { get; set; } = "/signin-oidc";
    public string SignedOutCallbackPath { get; set; } = "/account/signed-out";
    public string? Authority { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    public string EffectiveAuthority =>
        !string.IsNullOrWhiteSpace(Authority)
            ? Authority.TrimEnd('/')
            : $"{Instance.TrimEnd('/')}/{TenantId}/v2.0";

    public void Validate()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(ClientId)) missing.Add("ClientId");
        if (string.IsNullOrWhiteSpace(ClientSecret)) missing.Add("ClientSecret");
        if (string.IsNullOrWhiteSpace(Authority) && string.IsNullOrWhiteSpace(TenantId)) missing.Add("TenantId (or Authority)");
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Sign-in is not configured: set {string.Join(", ", missing.Select(m => "AzureAd:" + m))}. " +
                "Outside Development the portal only signs people in through Entra ID.");
    }
}
