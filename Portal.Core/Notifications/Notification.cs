namespace Portal.Core.Notifications;

/// <summary>
/// An in-app message for one person, e.g. "You have been allocated an audit". Some need an explicit
/// acknowledgement (an escalation alert); the acknowledgement is recorded, never deleted.
/// </summary>
public sealed class Notification : Versioned
{
    public const int TitleMaxLength = 200;
    public const int LinkMaxLength = 300;

    private Notification() { Title = ""; }

    public Notification(Guid recipientId, string title, string? link, bool requiresAcknowledgement, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        RecipientId = recipientId;
        Title = Guard.RequiredText(title, "Title", TitleMaxLength);
        Link = Guard.OptionalText(link, "Link", LinkMaxLength);
        if (Link is not null && !Link.StartsWith('/'))
            throw new DomainRuleException("A notification link must point inside the portal.");
        RequiresAcknowledgement = requiresAcknowledgement;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid RecipientId { get; private set; }
    public string Title { get; private set; }
    public string? Link { get; private set; }
    public bool RequiresAcknowledgement { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public void Acknowledge(Guid byUserId, DateTimeOffset at)
    {
        if (byUserId != RecipientId)
            throw new DomainRuleException("Only the person it was sent to can acknowledge this.");
        if (AcknowledgedAt is not null)
            throw new DomainRuleException("This has already been acknowledged.");
        AcknowledgedAt = at;
    }
}
