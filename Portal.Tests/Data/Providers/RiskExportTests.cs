using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using Portal.App.Features.Providers;
using Portal.Core.Organisations;
using Portal.Tests.Support;
using Xunit;

namespace Portal.Tests.Data.Providers;

public class RiskExportTests
{
    [Fact]
    public async Task The_risk_assessment_exports_in_the_appendix_layout_and_only_to_the_owning_organisation()
    {
        await using var app = await TestApp.StartAsync();
        var (svc, pid, mdmmId) = await ProcessDataTests.TriggeredAsync(app);
        var version = (await svc.GetAsync(pid))!.Process.Version;
        Assert.True((await svc.AddRiskRowAsync(pid, version, mdmmId, new DateOnly(2026, 11, 23), "Number of safeguarding issues",
            "Residents mobilising without carers and falling", "Review team to go out and complete review of care plans")).Succeeded);

        await using var scope = app.CreateScope();
        using var output = new MemoryStream();
        var name = await scope.ServiceProvider.GetRequiredService<RiskAssessmentExport>().WriteAsync(pid, output);
        Assert.StartsWith("MDMM Risk Assessment - ", name);

        using var zip = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        var xml = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        foreach (var header in new[] { "Date Agreed", "Issues", "Risks", "Action Plan/ Actions Reviewed", "Date Reviewed", "Sign Off" })
            Assert.Contains(header, xml);
        Assert.Contains("Provider: Test Provider Home", xml);
        Assert.Contains("Date of Meeting: 23/11/2026", xml);
        Assert.Contains("Residents mobilising without carers and falling", xml);

        await app.SignInAs(await ProviderDataTests.OtherOrganisationUserAsync(app, PortalRole.QualityLead));
        await using var otherScope = app.CreateScope();
        Assert.Null(await otherScope.ServiceProvider.GetRequiredService<RiskAssessmentExport>().WriteAsync(pid, new MemoryStream()));
    }
}
