using Portal.App.Features;

namespace Portal.App.Components.Pages.Providers;

/// <summary>What a process-page panel reports back to the page: the result, and what to say if it worked.</summary>
public sealed record Outcome(ServiceResult Result, string Success);
