using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using Portal.App.Auth;
using Radzen;

namespace Portal.Tests.Support;

/// <summary>Renders a component to HTML in process with Microsoft's HtmlRenderer, as a given user.</summary>
public static class ComponentHost
{
    public static async Task<string> RenderAsync<TComponent>(ClaimsPrincipal user, IDictionary<string, object?>? parameters = null,
        Action<IServiceCollection>? configure = null) where TComponent : IComponent
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationCore(Policies.Register);
        services.AddCascadingAuthenticationState();
        services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(user));
        services.AddSingleton<NavigationManager, TestNavigationManager>();
        services.AddSingleton<IJSRuntime, NoJsRuntime>();
        services.AddRadzenComponents();
        configure?.Invoke(services);
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // Wrap in the cascading authentication state the app's Routes would supply.
            var output = await renderer.RenderComponentAsync<CascadingAuthenticationStateHost<TComponent>>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { ["Parameters"] = parameters ?? new Dictionary<string, object?>() }));
            return output.ToHtmlString();
        });
    }

    public static ClaimsPrincipal UserWith(params Portal.Core.Organisations.PortalRole[] roles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, "Test Person"),
            new(PortalClaims.UserId, Guid.NewGuid().ToString()),
            new(PortalClaims.OrganisationName, "Central Bedfordshire Council"),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", ClaimTypes.Name, ClaimTypes.Role));
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private sealed class TestNavigationManager : NavigationManager
    {
        public TestNavigationManager() => Initialize("http://localhost/", "http://localhost/");

        protected override void NavigateToCore(string uri, NavigationOptions options) => Uri = ToAbsoluteUri(uri).ToString();
    }

    private sealed class NoJsRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => default;

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => default;
    }
}

/// <summary>Hosts a component inside CascadingAuthenticationState, passing its parameters through.</summary>
public sealed class CascadingAuthenticationStateHost<TComponent> : ComponentBase where TComponent : IComponent
{
    [Parameter] public IDictionary<string, object?> Parameters { get; set; } = new Dictionary<string, object?>();

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingAuthenticationState>(0);
        builder.AddAttribute(1, nameof(CascadingAuthenticationState.ChildContent), (RenderFragment)(child =>
        {
            child.OpenComponent<TComponent>(0);
            child.AddMultipleAttributes(1, Parameters!);
            child.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
