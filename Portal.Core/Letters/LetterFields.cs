using System.Globalization;

namespace Portal.Core.Letters;

/// <summary>A {{Placeholder}} a letter template may use, and what the portal fills it with.</summary>
public sealed record LetterField(string Name, string Label, string Source);

/// <summary>
/// Every field a letter template may use. A template that names any other field is refused when it is
/// saved, so a typing mistake cannot reach a provider as a raw {{Placeholder}}.
/// </summary>
public static class LetterFields
{
    public const string LetterDate = nameof(LetterDate);
    public const string AreaManager = nameof(AreaManager);
    public const string Owner = nameof(Owner);
    public const string OwnerHomes = nameof(OwnerHomes);
    public const string CareHome = nameof(CareHome);
    public const string HomeAddress = nameof(HomeAddress);
    public const string RegisteredManager = nameof(RegisteredManager);
    public const string GpPractice = nameof(GpPractice);
    public const string Concerns = nameof(Concerns);
    public const string Reasons = nameof(Reasons);
    public const string CqcInspectionDate = nameof(CqcInspectionDate);
    public const string CqcFindings = nameof(CqcFindings);
    public const string SafeguardingConcernDate = nameof(SafeguardingConcernDate);
    public const string SafeguardingVisitDate = nameof(SafeguardingVisitDate);
    public const string SafeguardingConcerns = nameof(SafeguardingConcerns);
    public const string MeetingDate = nameof(MeetingDate);
    public const string MeetingTime = nameof(MeetingTime);
    public const string MeetingPlace = nameof(MeetingPlace);
    public const string ProcessChair = nameof(ProcessChair);
    public const string OfficerName = nameof(OfficerName);
    public const string OfficerTitle = nameof(OfficerTitle);
    public const string ContactName = nameof(ContactName);
    public const string ContactEmail = nameof(ContactEmail);
    public const string ContactPhone = nameof(ContactPhone);
    public const string RecipientName = nameof(RecipientName);

    /// <summary>The longest value a person may type into a field when preparing a letter.</summary>
    public const int ValueMaxLength = 4000;

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<LetterField> All { get; } =
    [
        new(LetterDate, "Date of the letter", "Today's date"),
        new(AreaManager, "Area manager", "Typed when the letter is prepared"),
        new(Owner, "Owner of the home(s)", "The provider's owner in the register"),
        new(OwnerHomes, "Homes registered to the owner", "Every active service in the register with the same owner"),
        new(CareHome, "Name of the home", "The provider's name in the register"),
        new(HomeAddress, "Address of the home", "The provider's address in the register"),
        new(RegisteredManager, "Manager of the home", "The registered manager in the register"),
        new(GpPractice, "GP practice", "The GP practice in the register"),
        new(Concerns, "Concerns", "The process's summary of concerns"),
        new(Reasons, "Reasons for initiating the process", "The threshold evidence recorded for the MDMM, one line each"),
        new(CqcInspectionDate, "Date of the CQC inspection", "The latest CQC inspection in the provider's intelligence"),
        new(CqcFindings, "What CQC found", "The summary of that CQC inspection"),
        new(SafeguardingConcernDate, "Date the safeguarding concern was received", "The latest safeguarding concern in the provider's intelligence"),
        new(SafeguardingVisitDate, "Date of the council's visit", "The first monitoring visit after that concern"),
        new(SafeguardingConcerns, "Concerns noted at the visit", "The summary of that monitoring visit"),
        new(MeetingDate, "Date of the meeting", "The next Safety and Improvement Process meeting arranged"),
        new(MeetingTime, "Time of the meeting", "The next Safety and Improvement Process meeting arranged"),
        new(MeetingPlace, "Place of the meeting", "The next Safety and Improvement Process meeting arranged"),
        new(ProcessChair, "Chair of the process", "The Head of Service chairing the Safety and Improvement Process"),
        new(OfficerName, "Officer coordinating communication", "The person preparing the letter"),
        new(OfficerTitle, "That officer's job title", "The job title of the person preparing the letter"),
        new(ContactName, "Business support officer to contact", "The person preparing the letter"),
        new(ContactEmail, "Contact email", "The email of the person preparing the letter"),
        new(ContactPhone, "Contact telephone number", "Typed when the letter is prepared"),
        new(RecipientName, "Name of the person the letter is to", "Typed when the letter is prepared"),
    ];

    private static readonly Dictionary<string, LetterField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    public static LetterField Get(string name) =>
        ByName.TryGetValue(name, out var field) ? field : throw new ArgumentException($"No letter field is called {name}.", nameof(name));

    /// <summary>Dates in letters are written the British way: 23 November 2026.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Uk);

    /// <summary>Times as a letter says them: 10:00am, 2:30pm.</summary>
    public static string Time(TimeOnly time) =>
        $"{(time.Hour % 12 == 0 ? 12 : time.Hour % 12)}:{time.Minute:00}{(time.Hour < 12 ? "am" : "pm")}";

    /// <summary>A list as a sentence says it: "A", "A and B", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
