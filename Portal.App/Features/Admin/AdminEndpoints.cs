using Portal.App.Auth;
using Portal.Core.Excel;

namespace Portal.App.Features.Admin;

public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this WebApplication app)
    {
        app.MapGet("/admin/audit/export", (AuditTrail trail, TimeProvider clock, HttpContext http,
                string? entityType, string? entityKey, string? actor, DateOnly? from, DateOnly? to) =>
            {
                var query = new AuditTrail.AuditQuery(entityType, entityKey, actor, from, to);
                var sheet = new ExcelSheet<AuditTrail.AuditRow>("Audit trail")
                    .WholeNumber("Entry", r => r.Id, width: 10)
                    .Date("When (UTC)", r => r.At.UtcDateTime, includeTime: true, width: 18)
                    .Text("Changed by", r => r.ActorName, width: 24)
                    .Text("Change", r => r.Action.ToString(), width: 10)
                    .Text("Record type", r => r.EntityType, width: 22)
                    .Text("Record id", r => r.EntityKey, width: 38)
                    .Text("Fields (JSON: field, old, new)", r => r.Changes, width: 80);
                return ExcelDownload.Stream($"Audit trail {clock.GetUtcNow():yyyy-MM-dd}",
                    (workbook, _) => workbook.AddSheetAsync(sheet, trail.StreamAsync(query, http.RequestAborted), http.RequestAborted));
            })
            .RequireAuthorization(Policies.ViewAuditTrail);
    }
}
