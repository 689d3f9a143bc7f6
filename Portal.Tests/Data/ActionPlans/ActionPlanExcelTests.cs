using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.App.Features.ActionPlans;
using Portal.Core.ActionPlans;
using Portal.Core.Import;
using Portal.Core.Organisations;
using Portal.Core.Rag;
using Portal.Tests.Core.Excel;
using Portal.Tests.Support;
using Xunit;
using static Portal.Tests.Data.ActionPlans.ActionPlanTestData;

namespace Portal.Tests.Data.ActionPlans;

public class ActionPlanExcelTests
{
    /// <summary>Every cell's value and fill, row by row, as openpyxl (not our reader) sees them.</summary>
    private const string DumpScript = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows():
                rows.append([[None if c.value is None else str(c.value), c.fill.fgColor.rgb if c.fill and c.fill.fill_type else None] for c in row])
            out[ws.title] = rows
        print(json.dumps(out))
        """;

    private static async Task<byte[]> ExportAsync(TestApp app, Guid planId)
    {
        await using var scope = app.CreateScope();
        var export = await scope.Get<ActionPlanExcel>().PlanAsync(planId);
        Assert.NotNull(export);
        var output = new MemoryStream();
        await ActionPlanExcel.WritePlanAsync(export, output);
        return output.ToArray();
    }

    private static JsonElement Dump(byte[] workbook)
    {
        var path = Path.Combine(Path.GetTempPath(), $"portal-plan-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, workbook);
        try
        {
            return OpenPyxl.RunJson(DumpScript, path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ImportFile Upload(byte[] bytes, string name) => new(name, bytes.Length, new MemoryStream(bytes, writable: false));

    private static async Task<Guid> ImportAsync(TestApp app, byte[] bytes, string name, string title)
    {
        await using var scope = app.CreateScope();
        var excel = scope.Get<ActionPlanExcel>();
        var review = await excel.ReadAsync(Upload(bytes, name));
        Assert.False(review.Parsed.HasErrors, string.Join("\n", review.Parsed.AllErrors));
        var (result, id) = await excel.ConfirmAsync(review, title, ActionPlanType.StrategicPlan);
        Assert.True(result.Succeeded, result.Error);
        return id!.Value;
    }

    [Fact]
    public async Task Export_then_import_then_export_gives_the_same_workbook_content()
    {
        await using var app = await TestApp.StartAsync();
        var (planId, first) = await NewPlanAsync(app);
        var manager = await UserIdAsync(app, PortalRole.TeamManager);
        await using (var scope = app.CreateScope())
        {
            var plans = scope.Get<ActionPlanService>();
            Assert.True((await plans.AddSectionAsync(planId, (await plans.GetAsync(planId))!.Version, "Access to support before crisis point")).Succeeded);
            var second = (await plans.GetAsync(planId))!.Sections[1].Id;
            var actions = scope.Get<PlanActionService>();
            var (r1, a1) = await actions.CreateAsync(planId, new PlanActionService.ActionInput(first, "1.", "Matching local need with a suitable range of services",
                ActionScope.Local, "To establish a comprehensive mental health JSNA.", Timescale: "June 2015",
                Outcomes: "=A detailed profile of patient demography", Leads: [new LeadInput("Public Health Leads"), new LeadInput("LBC  - Stephen Gunther"), new LeadInput("Tom Evans", manager)]),
                RagStatus.Amber, "Further work required.");
            Assert.True(r1.Succeeded, r1.Error);
            Assert.True((await actions.AddUpdateAsync(a1!.Value, (await actions.GetAsync(a1.Value))!.Version, new DateOnly(2015, 11, 1),
                "Across all Organisations – Mental Health JSNA published.\nNew clinical systems will improve local data.")).Succeeded);
            var (r2, a2) = await actions.CreateAsync(planId, new PlanActionService.ActionInput(first, null, "Matching local need with a suitable range of services",
                ActionScope.Local, Timescale: "April 2016", Outcomes: "As above"));
            Assert.True(r2.Succeeded, r2.Error);
            var (r3, a3) = await actions.CreateAsync(planId, new PlanActionService.ActionInput(second, "7.", "Improve access to support via primary care",
                ActionScope.Countywide, "To develop the expansion of a primary care based service model", Timescale: "30/09/2015"));
            Assert.True(r3.Succeeded, r3.Error);
            Assert.True((await actions.CompleteAsync(a3!.Value, (await actions.GetAsync(a3.Value))!.Version, new DateOnly(2026, 11, 1), "Done.")).Succeeded);
        }

        var exported = await ExportAsync(app, planId);
        var importedId = await ImportAsync(app, exported, "Crisis Care Concordat action plan.xlsx", "Imported copy");
        var again = await ExportAsync(app, importedId);

        var before = Dump(exported);
        var after = Dump(again);
        Assert.Equal(before.GetRawText(), after.GetRawText());

        // And the content is what the plan holds, in the seed's layout.
        var rows = before.GetProperty("Action plan").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c[0].GetString()).ToList()).ToList();
        Assert.Equal(["No.", "RAG", "Scope", "Action", "Timescale", "Led By", "Update", "Update date", "Outcomes"], rows[0]);
        Assert.Equal("1. Commissioning to allow earlier intervention and responsive crisis services", rows[1][0]);
        Assert.Equal("Matching local need with a suitable range of services", rows[2][0]);
        Assert.Equal(["1.", "Amber", "Local", "To establish a comprehensive mental health JSNA.", "June 2015", "Public Health Leads\nLBC  - Stephen Gunther\nTom Evans"], rows[3].Take(6));
        Assert.StartsWith("2015-11-01", rows[3][7]);
        Assert.Equal("'=A detailed profile of patient demography", rows[3][8]);
        Assert.Equal("As above", rows[4][8]);
        Assert.Equal("2. Access to support before crisis point", rows[5][0]);
        Assert.Equal(["7.", "Complete", "Countywide"], rows[7].Take(3));
        var ragFill = before.GetProperty("Action plan")[3][1][1].GetString();
        Assert.EndsWith(RagStatus.Amber.FillHex(), ragFill);
        Assert.EndsWith(RagStatus.Complete.FillHex(), before.GetProperty("Action plan")[7][1][1].GetString());

        // The imported lead who is a portal user is linked again, so they still get reminders.
        await using var db = await app.CreateDbContextAsync();
        var imported = await db.PlanActions.Where(a => a.PlanId == importedId && a.Number == "1.").SingleAsync();
        Assert.True(imported.IsLedBy(manager));
        Assert.Equal("=A detailed profile of patient demography", imported.Outcomes);
    }

    [Fact]
    public async Task A_plan_in_the_seed_layout_imports_with_its_dated_update_header_scope_in_the_RAG_cell_and_repeated_headers()
    {
        const string makeSeed = """
            import sys, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.append(["No.", "RAG", "Action ", "Timescale ", "Led By", "UPDATE NOVEMBER 2015", "Outcomes"])
            ws.append(["1. Commissioning to allow earlier intervention and responsive crisis services"])
            ws.append(["Matching local need with a suitable range of services"])
            ws.append(["2.", "countywide", "To develop a local model for street triage across Bedfordshire and Luton.", "March 2016", "· Jaki Whittred", "Outline Business Case has been submitted to the Senior Management Group.", "A locally commissioned Street Triage service in place."])
            ws.append(["2. Access to support before crisis point"])
            ws.append(["No.", "RAG ", "Action ", "Timescale ", "Led By", "UPDATE NOV 2015", "Outcomes"])
            ws.append(["Improve access to support via primary care"])
            ws.append(["7.", "local", "To develop the expansion of a primary care based service model", "Dec\n2016", "· Luton – Steve Malusky\n· Beds – Michelle Bradley ", "Primary Care Liaison Models being developed.", "A local primary care led mental health service."])
            ws.append(["14.", "Local", "Re-modelling of the AMPH service to match capacity with demand using the ADASS toolkit.", "Sept 15", "· ELFT – Gail Dearing", "Reviews have been conducted.", "An appropriately resourced and responsive service"])
            wb.save(sys.argv[1])
            """;
        var path = Path.Combine(Path.GetTempPath(), $"portal-seed-{Guid.NewGuid():N}.xlsx");
        OpenPyxl.Run(makeSeed, path);
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);

        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.TeamManager);
        var planId = await ImportAsync(app, bytes, "Crisis Care Concordat.xlsx", "Crisis Care Concordat action plan");

        await using var scope = app.CreateScope();
        var plan = await scope.Get<ActionPlanService>().GetAsync(planId);
        Assert.Equal(["1. Commissioning to allow earlier intervention and responsive crisis services", "2. Access to support before crisis point"],
            plan!.Sections.Select(s => s.Heading));
        var triage = plan.Sections[0].Actions.Single();
        Assert.Equal(("2.", ActionScope.Countywide, (RagStatus?)null), (triage.Number, triage.Scope, triage.Rag));
        Assert.Equal("Matching local need with a suitable range of services", triage.SubHeading);
        Assert.Equal(["Jaki Whittred"], triage.Leads);
        Assert.Equal(new DateOnly(2015, 11, 1), triage.LatestUpdateOn);
        Assert.Equal("Outline Business Case has been submitted to the Senior Management Group.", triage.LatestUpdate);
        var primaryCare = plan.Sections[1].Actions[0];
        Assert.Equal(["Luton – Steve Malusky", "Beds – Michelle Bradley"], primaryCare.Leads);
        Assert.Equal("December 2016", primaryCare.Timescale.ToString());
        Assert.Equal("September 2015", plan.Sections[1].Actions[1].Timescale.ToString());
    }

    [Fact]
    public async Task Row_errors_name_the_row_and_nothing_is_written_until_the_file_is_clean()
    {
        const string makeBad = """
            import sys, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.append(["No.", "RAG", "Action", "Timescale", "Led By", "Update", "Outcomes"])
            ws.append(["1. Recording"])
            ws.append(["1.", "Purple", "Improve recording", "March 2016"])
            ws.append(["2.", "Green", "Audit supervision", "whenever"])
            ws.append(["3.", "Amber", "Fine row", "April 2016"])
            wb.save(sys.argv[1])
            """;
        var path = Path.Combine(Path.GetTempPath(), $"portal-bad-{Guid.NewGuid():N}.xlsx");
        OpenPyxl.Run(makeBad, path);
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);

        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.TeamManager);
        await using var scope = app.CreateScope();
        var excel = scope.Get<ActionPlanExcel>();
        int PlanCount() { using var db = app.CreateDbContextAsync().Result; return db.ActionPlans.Count(); }
        var before = PlanCount();

        var review = await excel.ReadAsync(Upload(bytes, "bad.xlsx"));

        Assert.True(review.Parsed.HasErrors);
        var errors = review.Parsed.AllErrors.ToList();
        Assert.Contains(errors, e => e.StartsWith("Row 3:") && e.Contains("Purple"));
        Assert.Contains(errors, e => e.StartsWith("Row 4:") && e.Contains("whenever"));
        Assert.DoesNotContain(errors, e => e.StartsWith("Row 5:"));
        var (result, id) = await excel.ConfirmAsync(review, "Bad plan", ActionPlanType.AuditImprovement);
        Assert.False(result.Succeeded);
        Assert.Null(id);
        Assert.Equal(before, PlanCount());
    }

    [Fact]
    public async Task A_practitioner_cannot_import_and_another_organisation_cannot_export()
    {
        await using var app = await TestApp.StartAsync();
        var (planId, _) = await NewPlanAsync(app);
        await app.SignInAs(PortalRole.Practitioner);
        await using var scope = app.CreateScope();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.Get<ActionPlanExcel>().ReadAsync(Upload([1, 2, 3], "x.xlsx")));
        Assert.NotNull(await scope.Get<ActionPlanExcel>().PlanAsync(planId));

        await app.SignInAs(await OutsiderAsync(app));
        Assert.Null(await scope.Get<ActionPlanExcel>().PlanAsync(planId));
    }

    [Fact]
    public async Task Board_figures_export_as_one_sheet_per_view()
    {
        await using var app = await TestApp.StartAsync();
        var (planId, sectionId) = await NewPlanAsync(app);
        await NewActionAsync(app, planId, sectionId, "1.", "September 2026", new LeadInput("ELFT – Diane Hull"));
        await using var scope = app.CreateScope();
        var output = new MemoryStream();
        await scope.Get<ActionPlanExcel>().WriteBoardAsync(new ActionBoard.BoardFilter(PlanId: planId), output);

        var dump = Dump(output.ToArray());
        Assert.Equal(["By plan", "By lead", "By organisation", "Overdue"], dump.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Crisis Care Concordat action plan", dump.GetProperty("By plan")[1][0][0].GetString());
        Assert.Equal("1", dump.GetProperty("By plan")[1][6][0].GetString()); // Overdue
        Assert.Equal("ELFT – Diane Hull", dump.GetProperty("By lead")[1][0][0].GetString());
        Assert.Equal("1.", dump.GetProperty("Overdue")[1][1][0].GetString());
    }
}
