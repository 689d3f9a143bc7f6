namespace Portal.Core.Auditing;

public enum AuditAction
{
    Inserted,
    Updated,
    Deleted,
}

/// <summary>
/// One row of the append-only audit trail. <see cref="Changes"/> is JSON: an array of
/// { "field", "old", "new" }. Written by the store, never edited or deleted.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { EntityType = ""; EntityKey = ""; ActorName = ""; Changes = "[]"; }

    public AuditEntry(DateTimeOffset at, Guid? actorId, string actorName, string entityType, string entityKey,
        AuditAction action, string changes)
    {
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        EntityType = entityType;
        EntityKey = entityKey;
        Action = action;
        Changes = changes;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; }
    public string EntityType { get; private set; }
    public string EntityKey { get; private set; }
    public AuditAction Action { get; private set; }
    public string Changes { get; private set; }
}
