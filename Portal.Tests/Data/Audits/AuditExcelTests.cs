using Microsoft.Extensions.DependencyInjection;
using Portal.App.Features.Audits;
using Portal.Core.Audits;
using Portal.Core.Excel;
using Portal.Core.Import;
using Portal.Core.Organisations;
using Portal.Tests.Core.Excel;
using Portal.Tests.Support;
using Xunit;
using static Portal.Tests.Data.Audits.AuditTestData;

namespace Portal.Tests.Data.Audits;

public class AuditExcelTests
{
    private static async Task<byte[]> CaseListXlsx(IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        var sheet = new ExcelSheet<string[]>("Case list");
        for (var i = 0; i < CasePoolService.Columns.Count; i++)
        {
            var index = i;
            sheet.Text(CasePoolService.Columns[i], r => r[index]);
        }
        await using (var book = new ExcelWorkbookWriter(stream))
        {
            await book.AddSheetAsync(sheet, rows);
            await book.CompleteAsync();
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task A_case_list_workbook_is_previewed_then_imported_and_a_bad_one_writes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        await As(app, PortalRole.BusinessSupport, async sp =>
        {
            var cycles = sp.GetRequiredService<AuditCyclesService>();
            var (_, id) = await cycles.CreateAsync(new("Workbook import", AuditCycleKind.AmhpReferralMonthly, new(2026, 11, 1), new(2026, 11, 30), 4, null), []);
            var pool = sp.GetRequiredService<CasePoolService>();

            var bad = await CaseListXlsx([
                ["RIO1", "AB", "Priya Patel", "practitioner@demo.portal.local", AmhpTeam, "AMHP day service", "AMHP referral", "03/11/2026"],
                ["RIO2", "CD", "Priya Patel", "", AmhpTeam, "", "AMHP referral", "not a date"],
            ]);
            var (preview, fileErrors) = await pool.PreviewFileAsync(id!.Value, new ImportFile("cases.xlsx", bad.Length, new MemoryStream(bad)));
            Assert.Empty(fileErrors);
            Assert.True(preview.Rows.Single(r => r.RowNumber == 2).Errors.Count == 0);
            Assert.Contains(preview.Rows.Single(r => r.RowNumber == 3).Errors, e => e.StartsWith("Row 3:"));
            var (failed, none) = await pool.ImportFileAsync(id.Value, new ImportFile("cases.xlsx", bad.Length, new MemoryStream(bad)));
            Assert.False(failed.Succeeded);
            Assert.Equal(0, none);
            Assert.Equal(0, (await pool.ListAsync(id.Value, null, null, 0, 10)).Total);

            var good = await CaseListXlsx([
                ["RIO1", "AB", "Priya Patel", "practitioner@demo.portal.local", AmhpTeam, "AMHP day service", "AMHP referral", "03/11/2026"],
                ["RIO2", "CD", "Priya Patel", "", AmhpTeam, "", "AMHP referral", "2026-11-04"],
            ]);
            var (ok, count) = await pool.ImportFileAsync(id.Value, new ImportFile("cases.xlsx", good.Length, new MemoryStream(good)));
            Assert.True(ok.Succeeded, ok.Error);
            Assert.Equal(2, count);
            var (rows, _) = await pool.ListAsync(id.Value, null, null, 0, 10);
            Assert.Equal(new DateOnly(2026, 11, 4), rows.Single(r => r.ExternalRecordId == "RIO2").WorkDate);
            Assert.Equal("AMHP day service", rows.Single(r => r.ExternalRecordId == "RIO2").Service);

            var csv = "Record id\n1\n"u8.ToArray();
            var (_, csvErrors) = await pool.PreviewFileAsync(id.Value, new ImportFile("cases.csv", csv.Length, new MemoryStream(csv)));
            Assert.Contains(csvErrors, e => e.Contains("Practitioner"));
            return 0;
        });
    }

    [Fact]
    public async Task The_cycle_report_exports_to_a_workbook_whose_figures_match_the_report()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await AllocatedCycleAsync(app);
        var audits = await AuditsAsync(app, cycleId);
        await CompleteAsync(app, audits[0], AuditGrade.Good);
        await CompleteAsync(app, audits[1], AuditGrade.RequiresImprovement);
        var path = Path.Combine(Path.GetTempPath(), $"cycle-report-{Guid.NewGuid():N}.xlsx");
        try
        {
            await As(app, PortalRole.QualityLead, async sp =>
            {
                var report = (await sp.GetRequiredService<AuditReportsService>().CycleAsync(cycleId))!;
                await using (var file = File.Create(path))
                    await AuditWorkbooks.WriteCycleReportAsync(file, report);
                return 0;
            });
            var book = WorkbookReadBack.Read(path);
            Assert.Equal(["Summary", "By team", "By service", "Questions", "Themes", "Moderation", "Previous cycles"], book.SheetTitles);
            Assert.Equal("Audits completed", book.Cell("Summary", "A7").GetProperty("value").GetString());
            Assert.Equal(2, book.Cell("Summary", "C7").GetProperty("value").GetDouble());
            Assert.Equal(0.5, book.Cell("Summary", "D8").GetProperty("value").GetDouble(), 6);
            Assert.Equal("Test cycle November 2026", book.Cell("Summary", "B2").GetProperty("value").GetString());
            Assert.Equal(1.0, book.Cell("Questions", "F2").GetProperty("value").GetDouble(), 6);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_highlights_workbook_carries_no_names()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await AllocatedCycleAsync(app);
        var audit = (await AuditsAsync(app, cycleId)).First();
        await As(app, audit.AuditorId, async sp =>
        {
            var forms = sp.GetRequiredService<AuditFormService>();
            var form = (await forms.GetAsync(audit.Id))!;
            var draft = FullDraft(form.Template, AuditGrade.Outstanding) with { Strengths = "Priya Patel gave Mrs P. a real voice; Tom Evans's team should share this." };
            Assert.True((await forms.CompleteAsync(audit.Id, form.Version, draft)).Result.Succeeded);
            return 0;
        });
        var path = Path.Combine(Path.GetTempPath(), $"highlights-{Guid.NewGuid():N}.xlsx");
        try
        {
            await As(app, PortalRole.ServiceManager, async sp =>
            {
                var highlights = (await sp.GetRequiredService<AuditReportsService>().HighlightsAsync(cycleId))!;
                await using (var file = File.Create(path))
                    await AuditWorkbooks.WriteHighlightsAsync(file, highlights);
                return 0;
            });
            var cells = WorkbookReadBack.Read(path).Sheet("Highlights").GetProperty("cells").EnumerateObject()
                .Select(c => c.Value.GetProperty("value").ToString()).ToList();
            Assert.Contains(cells, c => c.Contains("[name removed] gave Mrs P. a real voice"));
            Assert.DoesNotContain(cells, c => c.Contains("Priya") || c.Contains("Patel") || c.Contains("Evans"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
