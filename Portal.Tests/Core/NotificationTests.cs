using Portal.Core;
using Portal.Core.Notifications;

namespace Portal.Tests.Core;

public class NotificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_the_recipient_can_acknowledge_and_only_once()
    {
        var recipient = Guid.NewGuid();
        var alert = new Notification(recipient, "A person may have been left at risk", "/audits/1", requiresAcknowledgement: true, Now);

        Assert.Throws<DomainRuleException>(() => alert.Acknowledge(Guid.NewGuid(), Now));
        alert.Acknowledge(recipient, Now.AddMinutes(5));
        Assert.Equal(Now.AddMinutes(5), alert.AcknowledgedAt);
        Assert.Throws<DomainRuleException>(() => alert.Acknowledge(recipient, Now.AddMinutes(6)));
    }

    [Fact]
    public void A_link_must_stay_inside_the_portal()
    {
        var ex = Assert.Throws<DomainRuleException>(() => new Notification(Guid.NewGuid(), "Phish", "https://evil.example", false, Now));
        Assert.Contains("inside the portal", ex.Message);
    }
}
