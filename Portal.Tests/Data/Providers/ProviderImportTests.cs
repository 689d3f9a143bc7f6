using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.App.Features.Providers;
using Portal.Core.Excel;
using Portal.Core.Import;
using Portal.Core.Organisations;
using Portal.Core.Providers;
using Portal.Tests.Support;

namespace Portal.Tests.Data.Providers;

public sealed class ProviderImportTests
{
    private const string Csv = """
        Name,Type of service,Address line 1,Address line 2,Town,Postcode,Owner,Commissioners,CQC location ID,Registered manager,GP practice,CQC rating,CQC rating date
        Ash Grove Care Home,care home with nursing,1 Ash Road,,Luton,lu1 2ab,Ash Grove Ltd,Luton Borough Council,1-200000001,Pat Doe,High Town Surgery,Good,01/03/2026
        Birch Home Care,Home care agency,Unit 2,Mill Yard,Dunstable,LU6 1AA,Birch Care Ltd,Central Bedfordshire Council,,,,,
        Cedar House,Care home without nursing,3 Cedar Way,,Sandy,SG19 1AB,Cedar Ltd,Central Bedfordshire Council,1-300000001,,,,
        Cedar Annex,Care home without nursing,5 Cedar Way,,Sandy,SG19 1AB,Cedar Ltd,Central Bedfordshire Council,1-300000001,,,,
        Meadow View Lookalike,Care home with nursing,12 Priory Road,,Dunstable,LU5 4HR,Meadow Care Group Ltd,Central Bedfordshire Council,1-101234567,,,,
        Palace,Nursing palace,1 Road,,Luton,LU1 1AA,Palace Ltd,Luton Borough Council,,,,,
        Bad Postcode Home,Supported living,1 Road,,Luton,XYZ,Someone Ltd,Luton Borough Council,,,,,
        Sunny Days,Day service,1 Park Road,,Luton,LU2 2AA,Sunny Ltd,Luton Borough Council,,,,Good,01/02/2026
        No Date Home,Care home with nursing,9 Road,,Luton,LU3 3AA,No Date Ltd,Luton Borough Council,1-400000001,,,Requires improvement,
        Oakwood House,Care home without nursing,3 Oak Lane,,Leighton Buzzard,lu71aa,Oakwood Care Group Ltd,Central Bedfordshire Council,,,,,
        """;

    private static async Task<ImportPreview<ProviderImport.Line>> PreviewAsync(ProviderImport import, byte[] bytes, string fileName)
    {
        var preview = await SpreadsheetImporter.ReadAsync(new ImportFile(fileName, bytes.Length, new MemoryStream(bytes)), ProviderImport.Schema, ProviderImport.Map);
        await import.CheckAsync(preview);
        return preview;
    }

    [Fact]
    public async Task The_preview_explains_every_problem_row_including_duplicates_in_the_file_and_in_the_register()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.QualityLead);
        await using var scope = app.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ProviderImport>();
        await using var db = await app.CreateDbContextAsync();
        var before = await db.Providers.CountAsync();

        var preview = await PreviewAsync(import, Encoding.UTF8.GetBytes(Csv), "register.csv");

        Assert.Equal(10, preview.Rows.Count);
        Assert.Equal([2, 3], preview.Rows.Where(r => r.IsValid).Select(r => r.RowNumber));
        var errors = preview.AllErrors.ToList();
        Assert.Contains(errors, e => e.StartsWith("Row 4: ", StringComparison.Ordinal) && e.Contains("CQC location ID") && e.Contains('5'));
        Assert.Contains(errors, e => e.StartsWith("Row 5: ", StringComparison.Ordinal) && e.Contains("CQC location ID") && e.Contains('4'));
        Assert.Contains("Row 6: CQC location ID 1-101234567 is already in your register (Meadow View Care Home). Edit that provider instead.", errors);
        Assert.Contains(errors, e => e.StartsWith("Row 7: 'Nursing palace' is not a type of service. Use one of: Care home with nursing,", StringComparison.Ordinal));
        Assert.Contains("Row 8: Enter a UK postcode, like SG1 2FQ.", errors);
        Assert.Contains("Row 9: Day service services are not rated by CQC.", errors);
        Assert.Contains("Row 10: Give the CQC rating date (when CQC published the Requires improvement rating).", errors);
        Assert.Contains("Row 11: Oakwood House (LU7 1AA) is already in your register.", errors);
        Assert.All(errors, e => Assert.DoesNotMatch(@"Row \d+: Row", e));
        Assert.Equal(before, await db.Providers.CountAsync());
    }

    [Fact]
    public async Task Confirming_adds_the_valid_rows_to_the_users_register_only()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.BusinessSupport);
        await using (var scope = app.CreateScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ProviderImport>();
            var preview = await PreviewAsync(import, Encoding.UTF8.GetBytes(Csv), "register.csv");
            var result = await import.SaveAsync(preview.ValidItems);
            Assert.True(result.Succeeded, result.Error);

            var (rows, total) = await scope.ServiceProvider.GetRequiredService<ProviderRegister>().SearchAsync(new("a", null, null, false, false, 0, 100));
            Assert.Contains(rows, r => r.Name == "Ash Grove Care Home");
            // Saving the same rows again is refused as a whole: they are in the register now.
            var again = await import.SaveAsync(preview.ValidItems);
            Assert.StartsWith("Row 2: CQC location ID 1-200000001 was added to your register after the preview.", again.Error);
        }

        await using var db = await app.CreateDbContextAsync();
        var ash = await db.Providers.SingleAsync(p => p.Name == "Ash Grove Care Home");
        var cbc = await db.Organisations.SingleAsync(o => o.Name == "Central Bedfordshire Council");
        Assert.Equal((cbc.Id, ProviderKind.CareHomeWithNursing, "LU1 2AB", "1-200000001", "Pat Doe", "High Town Surgery"),
            (ash.LeadOrganisationId, ash.Kind, ash.Postcode, ash.CqcLocationId, ash.RegisteredManager, ash.GpPractice));
        Assert.Equal((CqcRating.Good, new DateOnly(2026, 3, 1)), (ash.CurrentCqcRating, ash.CqcRatingDate));
        var birch = await db.Providers.SingleAsync(p => p.Name == "Birch Home Care");
        Assert.Equal(("Mill Yard", CqcRating.NotYetRated), (birch.AddressLine2, birch.CurrentCqcRating));
        Assert.False(await db.Providers.AnyAsync(p => p.Name == "Cedar House" || p.Name == "Palace"));

        await app.SignInAs(await ProviderDataTests.OtherOrganisationUserAsync(app, PortalRole.QualityLead));
        await using var otherScope = app.CreateScope();
        var (otherRows, _) = await otherScope.ServiceProvider.GetRequiredService<ProviderRegister>().SearchAsync(new("Ash Grove", null, null, false, false, 0, 10));
        Assert.Empty(otherRows);
    }

    [Fact]
    public async Task An_xlsx_register_is_imported_and_a_visiting_professional_cannot_import()
    {
        var sheet = new ExcelSheet<string[]>("Register")
            .Text(ProviderImport.Name, r => r[0]).Text(ProviderImport.Kind, r => r[1]).Text(ProviderImport.AddressLine1, r => r[2])
            .Text(ProviderImport.Town, r => r[3]).Text(ProviderImport.Postcode, r => r[4]).Text(ProviderImport.Owner, r => r[5])
            .Text(ProviderImport.Commissioners, r => r[6]).Text(ProviderImport.CqcLocationId, r => r[7]).Text(ProviderImport.Rating, r => r[8])
            .Date(ProviderImport.RatingDate, r => r[9] is null ? null : DateOnly.Parse(r[9], System.Globalization.CultureInfo.InvariantCulture));
        var output = new MemoryStream();
        await using (var workbook = new ExcelWorkbookWriter(output))
        {
            await workbook.AddSheetAsync(sheet, new ExcelRow<string[]>[]
            {
                new[] { "Larch Lodge", "Care home without nursing", "2 Larch Road", "Ampthill", "MK45 2AA", "Larch Ltd", "Central Bedfordshire Council", "1-500000001", "Inadequate", "2026-06-30" },
                new[] { "Maple PA Service", "Personal assistant arrangements", "4 Maple Street", "Flitwick", "MK45 1BB", "Maple Ltd", "Central Bedfordshire Council", null!, null!, null! },
            });
            await workbook.CompleteAsync();
        }

        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.QualityLead);
        await using (var scope = app.CreateScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ProviderImport>();
            var preview = await PreviewAsync(import, output.ToArray(), "register.xlsx");
            Assert.Empty(preview.AllErrors);
            Assert.True((await import.SaveAsync(preview.ValidItems)).Succeeded);
        }
        await using (var db = await app.CreateDbContextAsync())
        {
            var larch = await db.Providers.SingleAsync(p => p.Name == "Larch Lodge");
            Assert.Equal((CqcRating.Inadequate, new DateOnly(2026, 6, 30)), (larch.CurrentCqcRating, larch.CqcRatingDate));
            var maple = await db.Providers.SingleAsync(p => p.Name == "Maple PA Service");
            Assert.Equal((ProviderKind.PersonalAssistants, (CqcRating?)null), (maple.Kind, maple.CurrentCqcRating));
        }

        await app.SignInAs(PortalRole.VisitingProfessional);
        await using var visitorScope = app.CreateScope();
        var visitor = visitorScope.ServiceProvider.GetRequiredService<ProviderImport>();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => visitor.SaveAsync([]));
    }
}
