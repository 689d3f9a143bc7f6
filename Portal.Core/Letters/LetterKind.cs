using Portal.Core.Providers;

namespace Portal.Core.Letters;

/// <summary>The letters of seed 001: Appendix Six, Appendix Seven and the letter to self-funders.</summary>
public enum LetterKind
{
    ProviderNotification,
    GpNotification,
    SelfFunder,
}

public static class LetterKinds
{
    public static IReadOnlyList<LetterKind> All { get; } = Enum.GetValues<LetterKind>();

    public static string Describe(this LetterKind kind) => kind switch
    {
        LetterKind.ProviderNotification => "Appendix Six: Notification template",
        LetterKind.GpNotification => "Appendix Seven: GP Notification letter",
        LetterKind.SelfFunder => "Letter to self-funder",
        _ => kind.ToString(),
    };

    /// <summary>When the letter is sent, in the seed's words, for the person choosing which letter to prepare.</summary>
    public static string Purpose(this LetterKind kind) => kind switch
    {
        LetterKind.ProviderNotification => "The formal notification to the care provider once the threshold is met: the reasons for triggering the process and the date of the Safety and Improvement meeting (§5 ii).",
        LetterKind.GpNotification => "Tells the relevant GP practice(s) that an MDMM is taking place and invites them to contribute (§5 ii).",
        LetterKind.SelfFunder => "Offers people who pay for their own care an assessment of their needs (§1, Appendix Four).",
        _ => "",
    };

    /// <summary>
    /// The seed's order of events: GP practices are told when an MDMM is taking place; the provider's formal
    /// notification and the offer to self-funders follow the decision to trigger the process. A closed
    /// process sends no more letters.
    /// </summary>
    public static void RequireAllowed(this LetterKind kind, QualityProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (!process.IsOpen)
            throw new DomainRuleException($"This process is {process.Stage.Describe().ToLowerInvariant()}; no more letters are sent from it.");
        switch (kind)
        {
            case LetterKind.GpNotification when process.Stage is ProcessStage.Prevention or ProcessStage.QualityAssurance:
                throw new DomainRuleException("The GP practice is notified when a Multi-agency Decision Making Meeting is taking place. Escalate the process to an MDMM first.");
            case LetterKind.ProviderNotification or LetterKind.SelfFunder when process.TriggeredOn is null:
                throw new DomainRuleException($"The {kind.Describe()} is sent once the MDMM has decided the threshold is met and the Safety and Improvement Process is triggered.");
            case not (LetterKind.ProviderNotification or LetterKind.GpNotification or LetterKind.SelfFunder):
                throw new DomainRuleException("Choose which letter to prepare.");
        }
    }
}
