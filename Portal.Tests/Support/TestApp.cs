using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.App.Features;
using Portal.Core.Organisations;

namespace Portal.Tests.Support;

/// <summary>
/// The app's own services over a real, migrated SQLite file, without a web server: for Data tests of
/// feature services. Acts as whichever user the test signs in with <see cref="SignInAs"/>.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ServiceProvider _root;
    private readonly MutableTime _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private TestApp(string directory, ServiceProvider root)
    {
        _directory = directory;
        _root = root;
    }

    public string DatabasePath => Path.Combine(_directory, "portal.db");
    public MutableTime Clock => _clock;
    public ClaimsPrincipal Principal { get; private set; } = new(new ClaimsIdentity());

    public static async Task<TestApp> StartAsync(bool seedDemoData = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        TestApp? app = null;
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(_ => app!._clock);
        services.AddSingleton<IHttpContextAccessor>(_ => new FixedHttpContext(() => app!.Principal));
        services.AddAuthorization(Policies.Register);
        services.AddScoped<CurrentUser>();
        services.AddScoped<PrincipalFactory>();
        services.AddScoped<AuditSaveChangesInterceptor>();
        var connectionString = $"Data Source={Path.Combine(directory, "portal.db")};Pooling=False";
        services.AddDbContextFactory<PortalDbContext>((sp, o) => o
                .UseSqlite(connectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>(), PortalDatabase.ConnectionPragmas),
            ServiceLifetime.Scoped);
        services.AddScoped<SchemaMigrator>();
        services.AddScoped<DemoData>();
        services.AddFeatureServices();
        app = new TestApp(directory, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));

        await using var scope = app._root.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        if (seedDemoData)
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        return app;
    }

    /// <summary>Acts as the demo user with this role, with the claims a real sign-in would give them.</summary>
    public async Task<UserContext> SignInAs(PortalRole role)
    {
        await using var db = await CreateDbContextAsync();
        var email = DemoData.EmailFor(role);
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await SignInAs(id);
    }

    public async Task<UserContext> SignInAs(Guid userId)
    {
        await using var scope = _root.CreateAsyncScope();
        Principal = await scope.ServiceProvider.GetRequiredService<PrincipalFactory>().CreateAsync(userId, "test")
            ?? throw new InvalidOperationException("That user cannot sign in.");
        return UserContext.FromPrincipal(Principal)!;
    }

    public void SignOut() => Principal = new ClaimsPrincipal(new ClaimsIdentity());

    /// <summary>A fresh DI scope, as one Blazor circuit or HTTP request would have.</summary>
    public AsyncServiceScope CreateScope() => _root.CreateAsyncScope();

    public async Task<T> Run<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _root.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task<PortalDbContext> CreateDbContextAsync()
    {
        var scope = _root.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _root.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private sealed class FixedHttpContext(Func<ClaimsPrincipal> principal) : IHttpContextAccessor
    {
        public HttpContext? HttpContext
        {
            get => new DefaultHttpContext { User = principal() };
            set { }
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class MutableTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
