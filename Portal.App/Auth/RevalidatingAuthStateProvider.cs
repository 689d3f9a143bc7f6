using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Portal.App.Auth;

/// <summary>
/// Re-checks an open circuit's user every few minutes, so a person disabled or stripped of a role in the
/// portal loses access without reloading the page.
/// </summary>
public sealed class RevalidatingAuthStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval =>
        TimeSpan.FromSeconds(configuration.GetValue("Portal:RevalidationSeconds", 120));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true)
            return true;
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrincipalFactory>().IsCurrentAsync(authenticationState.User, cancellationToken);
    }
}
