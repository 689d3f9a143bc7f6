using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Portal.App.Auth;
using Portal.App.Components;
using Portal.App.Data;
using Portal.App.Features;
using Radzen;

if (args.Contains("--schema-script"))
{
    // Prints the schema the current model would create: the starting point for the next hand-written migration.
    Console.WriteLine(PortalDatabase.CreateScriptForModel());
    return;
}

var builder = WebApplication.CreateBuilder(args);

var azureAd = builder.Configuration.GetSection(AzureAdOptions.Section).Get<AzureAdOptions>() ?? new AzureAdOptions();
SignInMode signInMode;
if (azureAd.IsConfigured)
{
    azureAd.Validate();
    signInMode = SignInMode.Entra;
}
else if (builder.Environment.IsDevelopment())
{
    signInMode = SignInMode.Development;
}
else
{
    // Refuse to start rather than run a production portal with no way to sign in, or a weak one.
    azureAd.Validate();
    throw new InvalidOperationException("Unreachable");
}

builder.Services.Configure<AzureAdOptions>(builder.Configuration.GetSection(AzureAdOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddMemoryCache();

var connectionString = PortalDatabase.ConnectionString(builder.Configuration, builder.Environment);
builder.Services.AddScoped<AuditSaveChangesInterceptor>();
builder.Services.AddDbContextFactory<PortalDbContext>((sp, options) => options
        .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
        .AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>(), PortalDatabase.ConnectionPragmas),
    ServiceLifetime.Scoped);
builder.Services.AddScoped<SchemaMigrator>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
// The health check resolves a context directly; give it one from the factory.
builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());

builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<PrincipalFactory>();
builder.Services.AddFeatureServices();

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.Cookie.Name = "Portal.Session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/account/signin";
        options.AccessDeniedPath = "/account/access-denied";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
    });
builder.Services.AddAuthorization(Policies.Register);
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();

if (signInMode == SignInMode.Entra)
{
    builder.Services.AddSingleton(new ConfigurationManager<OpenIdConnectConfiguration>(
        azureAd.EffectiveAuthority + "/.well-known/openid-configuration",
        new OpenIdConnectConfigurationRetriever(),
        new HttpDocumentRetriever { RequireHttps = true }));
    builder.Services.AddScoped<EntraSignIn>();
}
builder.Services.AddSingleton(new SignInModeHolder(signInMode));

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddRadzenComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
    if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Portal:SeedDemoData", true))
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
}

app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "assets")),
    RequestPath = "/assets",
});
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapAccountEndpoints(signInMode);
app.MapFeatureEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Logger.LogInformation("Portal started with {SignInMode} sign-in", signInMode);
app.Run();

public sealed record SignInModeHolder(SignInMode Mode);

public partial class Program;
