using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Core.Organisations;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

public class AuditExportTests
{
    private static WebApplicationFactory<Program> Factory() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(Path.GetTempPath(), $"portal-export-{Guid.NewGuid():N}.db")}");
        });

    [Fact]
    public async Task An_administrator_downloads_the_filtered_audit_trail_as_a_workbook_that_excel_reads()
    {
        await using var factory = Factory();
        var client = await factory.SignedInClientAsync(PortalRole.Administrator);

        var response = await client.GetAsync("/admin/audit/export?entityType=Organisation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            var sheet = ReadBack(path);
            Assert.Equal("Audit trail", sheet.GetProperty("title").GetString());
            var rows = sheet.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal("Entry", rows[0][0].GetString());
            var data = rows.Skip(1).ToList();
            Assert.Equal(7, data.Count); // the seven demo organisations
            Assert.All(data, r => Assert.Equal("Organisation", r[4].GetString()));
            Assert.All(data, r => Assert.Equal(JsonValueKind.Number, r[0].ValueKind));
            Assert.All(data, r => Assert.Contains("T", r[1].GetString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_quality_lead_cannot_download_the_audit_trail()
    {
        await using var factory = Factory();
        var client = await factory.SignedInClientAsync(PortalRole.QualityLead);

        var response = await client.GetAsync("/admin/audit/export");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString ?? "");
    }

    /// <summary>Reads the first sheet with openpyxl, as an independent reader of the file.</summary>
    private static JsonElement ReadBack(string path)
    {
        const string script = """
            import json, sys, datetime, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.worksheets[0]
            def v(c):
                return c.isoformat() if isinstance(c, (datetime.datetime, datetime.date)) else c
            print(json.dumps({"title": ws.title, "rows": [[v(c) for c in row] for row in ws.iter_rows(values_only=True)]}))
            """;
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }
}
