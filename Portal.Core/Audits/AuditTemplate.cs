namespace Portal.Core.Audits;

public enum TemplateStatus
{
    /// <summary>Being edited; not yet used by any audit.</summary>
    Draft,

    /// <summary>The version new audits use.</summary>
    Published,

    /// <summary>Replaced by a newer published version; audits done on it still show it.</summary>
    Superseded,
}

/// <summary>
/// One version of an audit tool: sections of Yes / No / Not applicable questions with guidance. Versions of
/// the same tool share a <see cref="FamilyId"/>. Only a draft can be edited; publishing freezes it, so a
/// completed audit always shows exactly the questions it was done on. Questions keep a <see cref="TemplateQuestion.Key"/>
/// across versions so reports can compare the same question from one cycle to the next.
/// </summary>
public sealed class AuditTemplate : Versioned
{
    public const int NameMaxLength = 150;
    public const int DescriptionMaxLength = 2000;
    public const int WorkTypeMaxLength = 100;
    public const int SectionTitleMaxLength = 200;
    public const int GuidanceMaxLength = 2000;
    public const int QuestionTextMaxLength = 500;

    private readonly List<TemplateSection> _sections = [];
    private readonly List<TemplateQuestion> _questions = [];

    private AuditTemplate() { Name = ""; }

    public AuditTemplate(Guid organisationId, string name, string? description, string? workType, bool isStartingPoint)
    {
        Id = Guid.NewGuid();
        Name = "";
        FamilyId = Guid.NewGuid();
        OrganisationId = organisationId;
        TemplateVersion = 1;
        Status = TemplateStatus.Draft;
        IsStartingPoint = isStartingPoint;
        SetDetails(name, description, workType);
    }

    public Guid Id { get; private set; }
    public Guid FamilyId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>1 for the first version of the tool, then 2, 3… (not the concurrency token).</summary>
    public int TemplateVersion { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }

    /// <summary>The type of work the tool is for (matched against a case's type of work when allocating).</summary>
    public string? WorkType { get; private set; }

    /// <summary>A default the portal supplied: an editable starting point, not an approved local tool.</summary>
    public bool IsStartingPoint { get; private set; }
    public TemplateStatus Status { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public Guid? PublishedById { get; private set; }

    public IReadOnlyCollection<TemplateSection> Sections => _sections;
    public IReadOnlyCollection<TemplateQuestion> Questions => _questions;

    public IReadOnlyList<TemplateSection> OrderedSections => _sections.OrderBy(s => s.Order).ToList();

    /// <summary>The questions an audit on this version answers, in form order.</summary>
    public IReadOnlyList<TemplateQuestion> ActiveQuestions =>
        _questions.Where(q => !q.IsRetired)
            .OrderBy(q => _sections.First(s => s.Id == q.SectionId).Order).ThenBy(q => q.Order).ToList();

    public IReadOnlyList<TemplateQuestion> QuestionsIn(Guid sectionId) =>
        _questions.Where(q => q.SectionId == sectionId).OrderBy(q => q.Order).ToList();

    public string DisplayName => $"{Name} (version {TemplateVersion})";

    /// <summary>A new draft of the same tool, one version higher, with this version's current sections and questions.</summary>
    public AuditTemplate CreateNextDraft()
    {
        if (Status == TemplateStatus.Draft)
            throw new DomainRuleException($"{DisplayName} is still a draft: edit it instead of starting another version.");
        var next = new AuditTemplate
        {
            Id = Guid.NewGuid(),
            FamilyId = FamilyId,
            OrganisationId = OrganisationId,
            TemplateVersion = TemplateVersion + 1,
            Status = TemplateStatus.Draft,
            IsStartingPoint = IsStartingPoint,
            Name = Name,
            Description = Description,
            WorkType = WorkType,
        };
        foreach (var section in OrderedSections)
        {
            var copy = next.AddSection(section.Title, section.Guidance);
            foreach (var q in QuestionsIn(section.Id).Where(q => !q.IsRetired))
                next._questions.Add(new TemplateQuestion(q.Key, copy.Id, q.Text, q.Guidance, q.IsRequired, q.CommentRequiredOnNo, next.QuestionsIn(copy.Id).Count + 1));
        }
        return next;
    }

    public void SetDetails(string name, string? description, string? workType)
    {
        EnsureDraft();
        Name = Guard.RequiredText(name, "Template name", NameMaxLength);
        Description = Guard.OptionalText(description, "Description", DescriptionMaxLength);
        WorkType = Guard.OptionalText(workType, "Type of work", WorkTypeMaxLength);
    }

    public TemplateSection AddSection(string title, string? guidance)
    {
        EnsureDraft();
        var section = new TemplateSection(Guard.RequiredText(title, "Section title", SectionTitleMaxLength),
            Guard.OptionalText(guidance, "Section guidance", GuidanceMaxLength), _sections.Count + 1);
        _sections.Add(section);
        return section;
    }

    public void UpdateSection(Guid sectionId, string title, string? guidance)
    {
        EnsureDraft();
        Section(sectionId).Update(Guard.RequiredText(title, "Section title", SectionTitleMaxLength),
            Guard.OptionalText(guidance, "Section guidance", GuidanceMaxLength));
    }

    public void MoveSection(Guid sectionId, int offset)
    {
        EnsureDraft();
        Reorder(OrderedSections, Section(sectionId), offset, (s, o) => s.Order = o, "section");
    }

    public void RemoveSection(Guid sectionId)
    {
        EnsureDraft();
        var section = Section(sectionId);
        if (_questions.Any(q => q.SectionId == sectionId))
            throw new DomainRuleException($"\"{section.Title}\" still has questions. Move or remove them first.");
        _sections.Remove(section);
        Renumber(OrderedSections, (s, o) => s.Order = o);
    }

    public TemplateQuestion AddQuestion(Guid sectionId, string text, string? guidance, bool isRequired, bool commentRequiredOnNo)
    {
        EnsureDraft();
        Section(sectionId);
        var question = new TemplateQuestion(Guid.NewGuid(), sectionId, QuestionText(text), Guard.OptionalText(guidance, "Question guidance", GuidanceMaxLength),
            isRequired, commentRequiredOnNo, QuestionsIn(sectionId).Count + 1);
        _questions.Add(question);
        return question;
    }

    public void UpdateQuestion(Guid questionId, string text, string? guidance, bool isRequired, bool commentRequiredOnNo)
    {
        EnsureDraft();
        Question(questionId).Update(QuestionText(text), Guard.OptionalText(guidance, "Question guidance", GuidanceMaxLength), isRequired, commentRequiredOnNo);
    }

    public void MoveQuestion(Guid questionId, int offset)
    {
        EnsureDraft();
        var question = Question(questionId);
        Reorder(QuestionsIn(question.SectionId), question, offset, (q, o) => q.Order = o, "question");
    }

    /// <summary>
    /// Takes a question out of this version. It stays on record as retired (so the change is visible and can
    /// be undone before publishing); it is not asked on audits and is not carried into the next version.
    /// </summary>
    public void RetireQuestion(Guid questionId)
    {
        EnsureDraft();
        var question = Question(questionId);
        if (question.IsRetired)
            throw new DomainRuleException("That question is already retired.");
        question.IsRetired = true;
    }

    public void RestoreQuestion(Guid questionId)
    {
        EnsureDraft();
        var question = Question(questionId);
        if (!question.IsRetired)
            throw new DomainRuleException("That question is not retired.");
        question.IsRetired = false;
    }

    public void Publish(Guid byUserId, DateTimeOffset at)
    {
        EnsureDraft();
        if (ActiveQuestions.Count == 0)
            throw new DomainRuleException("Add at least one question before publishing.");
        var empty = _sections.Where(s => !_questions.Any(q => q.SectionId == s.Id && !q.IsRetired)).Select(s => s.Title).ToList();
        if (empty.Count > 0)
            throw new DomainRuleException($"These sections have no questions: {string.Join(", ", empty)}. Add a question or remove the section.");
        Status = TemplateStatus.Published;
        PublishedAt = at;
        PublishedById = byUserId;
    }

    /// <summary>Called when a newer version of the same tool is published.</summary>
    public void Supersede()
    {
        if (Status != TemplateStatus.Published)
            throw new DomainRuleException($"Only a published template can be replaced; {DisplayName} is {Status.ToString().ToLowerInvariant()}.");
        Status = TemplateStatus.Superseded;
    }

    public TemplateQuestion Question(Guid questionId) =>
        _questions.FirstOrDefault(q => q.Id == questionId) ?? throw new DomainRuleException("That question is not on this template.");

    private TemplateSection Section(Guid sectionId) =>
        _sections.FirstOrDefault(s => s.Id == sectionId) ?? throw new DomainRuleException("That section is not on this template.");

    private void EnsureDraft()
    {
        if (Status != TemplateStatus.Draft)
            throw new DomainRuleException($"{DisplayName} is published and cannot be changed. Start a new version to edit it.");
    }

    private static string QuestionText(string text) => Guard.RequiredText(text, "Question", QuestionTextMaxLength);

    private static void Reorder<T>(IReadOnlyList<T> ordered, T item, int offset, Action<T, int> setOrder, string noun)
    {
        var list = ordered.ToList();
        var index = list.IndexOf(item);
        var target = index + offset;
        if (offset == 0 || target < 0 || target >= list.Count)
            throw new DomainRuleException($"That {noun} cannot move {(offset < 0 ? "up" : "down")} any further.");
        list.RemoveAt(index);
        list.Insert(target, item);
        Renumber(list, setOrder);
    }

    private static void Renumber<T>(IReadOnlyList<T> ordered, Action<T, int> setOrder)
    {
        for (var i = 0; i < ordered.Count; i++)
            setOrder(ordered[i], i + 1);
    }
}

public sealed class TemplateSection
{
    private TemplateSection() { Title = ""; }

    internal TemplateSection(string title, string? guidance, int order)
    {
        Id = Guid.NewGuid();
        Title = title;
        Guidance = guidance;
        Order = order;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public string? Guidance { get; private set; }
    public int Order { get; internal set; }

    internal void Update(string title, string? guidance)
    {
        Title = title;
        Guidance = guidance;
    }
}

public sealed class TemplateQuestion
{
    private TemplateQuestion() { Text = ""; }

    internal TemplateQuestion(Guid key, Guid sectionId, string text, string? guidance, bool isRequired, bool commentRequiredOnNo, int order)
    {
        Id = Guid.NewGuid();
        Key = key;
        SectionId = sectionId;
        Text = text;
        Guidance = guidance;
        IsRequired = isRequired;
        CommentRequiredOnNo = commentRequiredOnNo;
        Order = order;
    }

    public Guid Id { get; private set; }

    /// <summary>The same for this question in every version of the tool.</summary>
    public Guid Key { get; private set; }
    public Guid SectionId { get; private set; }
    public string Text { get; private set; }
    public string? Guidance { get; private set; }
    public bool IsRequired { get; private set; }
    public bool CommentRequiredOnNo { get; private set; }
    public int Order { get; internal set; }
    public bool IsRetired { get; internal set; }

    internal void Update(string text, string? guidance, bool isRequired, bool commentRequiredOnNo)
    {
        Text = text;
        Guidance = guidance;
        IsRequired = isRequired;
        CommentRequiredOnNo = commentRequiredOnNo;
    }
}
