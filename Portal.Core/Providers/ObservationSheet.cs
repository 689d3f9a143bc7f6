namespace Portal.Core.Providers;

public enum ObservationSheetStatus
{
    Received,
    Acknowledged,
}

/// <summary>The answer to one question: Yes/No (or, for the first question, free text) and Action/Comments.</summary>
public sealed class ObservationAnswer
{
    private ObservationAnswer() { }

    internal ObservationAnswer(int questionNumber, bool? yes, string? text, string? comments)
    {
        QuestionNumber = questionNumber;
        Yes = yes;
        Text = text;
        Comments = comments;
    }

    public int QuestionNumber { get; private set; }
    public bool? Yes { get; private set; }

    /// <summary>The free-text answer ("What are your initial impressions?").</summary>
    public string? Text { get; private set; }
    public string? Comments { get; private set; }
}

/// <summary>Input for one answer; the sheet validates it against the form.</summary>
public sealed record ObservationAnswerInput(int QuestionNumber, bool? Yes, string? Text, string? Comments);

/// <summary>
/// A completed multi-agency observation sheet (Appendix Three). Anyone who visits a home can submit one; it
/// arrives in the lead organisation's care-concerns inbox, where the quality team acknowledges it. A paper
/// sheet keyed in later keeps its real visit date and author, and records who keyed it.
/// </summary>
public sealed class ObservationSheet : Versioned
{
    public const int NameOfHomeMaxLength = Provider.NameMaxLength;
    public const int AuthorNameMaxLength = 150;
    public const int AuthorRoleMaxLength = 150;
    public const int AuthorOrganisationMaxLength = 200;
    public const int AnswerTextMaxLength = 4000;
    public const int CommentsMaxLength = 2000;
    public const int AcknowledgementNoteMaxLength = 1000;

    private readonly List<ObservationAnswer> _answers = [];

    private ObservationSheet() { NameOfHome = ""; VisitCompletedByName = ""; }

    /// <param name="keyedInByUserId">Who typed it into the portal; the author when they submit it themselves.</param>
    /// <param name="authorUserId">The author's portal account, when they have one.</param>
    public ObservationSheet(Provider? provider, string? nameOfHome, DateOnly dateOfVisit, Guid? authorUserId, string authorName,
        string? authorRole, string? authorOrganisation, Guid keyedInByUserId, bool keyedFromPaper, IEnumerable<ObservationAnswerInput> answers,
        DateTimeOffset submittedAt)
    {
        if (dateOfVisit > DateOnly.FromDateTime(submittedAt.UtcDateTime).AddDays(1))
            throw new DomainRuleException("The date of visit cannot be in the future.");
        if (provider is { IsActive: false })
            throw new DomainRuleException($"{provider.Name} is no longer in the register. Type the name of the home instead.");
        Id = Guid.NewGuid();
        ProviderId = provider?.Id;
        LeadOrganisationId = provider?.LeadOrganisationId;
        NameOfHome = provider?.Name ?? Guard.RequiredText(nameOfHome, ObservationSheetForm.NameOfHomeLabel, NameOfHomeMaxLength);
        DateOfVisit = dateOfVisit;
        AuthorUserId = authorUserId;
        VisitCompletedByName = Guard.RequiredText(authorName, ObservationSheetForm.VisitCompletedByLabel, AuthorNameMaxLength);
        VisitCompletedByRole = Guard.OptionalText(authorRole, "Role", AuthorRoleMaxLength);
        VisitCompletedByOrganisation = Guard.OptionalText(authorOrganisation, "Organisation", AuthorOrganisationMaxLength);
        KeyedInByUserId = keyedInByUserId;
        KeyedFromPaper = keyedFromPaper;
        SubmittedAt = submittedAt;
        Status = ObservationSheetStatus.Received;
        SetAnswers(answers);
    }

    public Guid Id { get; private set; }

    /// <summary>Null until the inbox team links a sheet whose home was typed rather than chosen.</summary>
    public Guid? ProviderId { get; private set; }

    /// <summary>Whose inbox it lands in: the provider's lead organisation (null: every quality team may claim it).</summary>
    public Guid? LeadOrganisationId { get; private set; }
    public string NameOfHome { get; private set; }
    public DateOnly DateOfVisit { get; private set; }
    public Guid? AuthorUserId { get; private set; }
    public string VisitCompletedByName { get; private set; }
    public string? VisitCompletedByRole { get; private set; }
    public string? VisitCompletedByOrganisation { get; private set; }
    public Guid KeyedInByUserId { get; private set; }
    public bool KeyedFromPaper { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public ObservationSheetStatus Status { get; private set; }
    public Guid? AcknowledgedByUserId { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgementNote { get; private set; }
    public IReadOnlyCollection<ObservationAnswer> Answers => _answers;

    public string? InitialImpressions => _answers.FirstOrDefault(a => a.QuestionNumber == ObservationSheetForm.InitialImpressionsNumber)?.Text;

    /// <summary>Questions answered Yes/No, so the inbox can show "12 of 20 answered".</summary>
    public int YesNoAnsweredCount => _answers.Count(a => a.Yes is not null);

    private void SetAnswers(IEnumerable<ObservationAnswerInput> answers)
    {
        var list = answers.ToList();
        var duplicate = list.GroupBy(a => a.QuestionNumber).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DomainRuleException($"Question {duplicate.Key} is answered twice.");
        _answers.Clear();
        foreach (var input in list)
        {
            var question = ObservationSheetForm.Question(input.QuestionNumber);
            var comments = Guard.OptionalText(input.Comments, $"{ObservationSheetForm.CommentsLabel} for \"{question.Text}\"", CommentsMaxLength);
            string? text = null;
            if (question.Kind == ObservationAnswerKind.FreeText)
            {
                if (input.Yes is not null)
                    throw new DomainRuleException($"\"{question.Text}\" is answered in words, not Yes or No.");
                text = Guard.OptionalText(input.Text, question.Text, AnswerTextMaxLength);
            }
            else if (!string.IsNullOrWhiteSpace(input.Text))
            {
                throw new DomainRuleException($"\"{question.Text}\" is answered Yes or No; put anything else in {ObservationSheetForm.CommentsLabel}.");
            }
            if (input.Yes is null && text is null && comments is null)
                continue;
            _answers.Add(new ObservationAnswer(question.Number, input.Yes, text, comments));
        }
        if (_answers.Count == 0)
            throw new DomainRuleException("The sheet is empty. Answer at least one question before submitting it.");
    }

    /// <summary>The inbox team links a sheet whose home was typed in to the provider in the register.</summary>
    public void LinkToProvider(Provider provider)
    {
        if (ProviderId == provider.Id)
            throw new DomainRuleException($"This sheet is already linked to {provider.Name}.");
        if (ProviderId is not null && Status == ObservationSheetStatus.Acknowledged)
            throw new DomainRuleException("This sheet has been acknowledged against another provider and cannot be moved.");
        ProviderId = provider.Id;
        LeadOrganisationId = provider.LeadOrganisationId;
    }

    public void Acknowledge(Guid byUserId, DateTimeOffset at, string? note)
    {
        if (Status == ObservationSheetStatus.Acknowledged)
            throw new DomainRuleException("This sheet has already been acknowledged.");
        if (ProviderId is null)
            throw new DomainRuleException("Link the sheet to a provider in the register before acknowledging it.");
        AcknowledgementNote = Guard.OptionalText(note, "Note", AcknowledgementNoteMaxLength);
        Status = ObservationSheetStatus.Acknowledged;
        AcknowledgedByUserId = byUserId;
        AcknowledgedAt = at;
    }
}
