namespace Portal.Core.Providers;

public enum ObservationAnswerKind
{
    FreeText,
    YesNo,
}

/// <summary>One question of the observation sheet; <see cref="Number"/> is its stable key in stored answers.</summary>
public sealed record ObservationQuestion(int Number, string Section, string Text, ObservationAnswerKind Kind);

/// <summary>
/// Appendix Three of Hertfordshire's Safety and Improvement Process, the "Multi – Agency Observation Sheet",
/// word for word. Every question has an Action/Comments box. Numbers are stored with answers, so the
/// wording may be corrected but a question must never be renumbered.
/// </summary>
public static class ObservationSheetForm
{
    public const string Title = "Multi – Agency Observation Sheet";
    public const string NameOfHomeLabel = "Name of Home";
    public const string DateOfVisitLabel = "Date of Visit";
    public const string VisitCompletedByLabel = "Visit completed by";
    public const string CommentsLabel = "Action/Comments";
    public const string Environment = "ENVIRONMENT";
    public const string Staffing = "STAFFING";
    public const string Management = "MANAGEMENT";

    public const int InitialImpressionsNumber = 1;

    public static IReadOnlyList<string> Sections { get; } = [Environment, Staffing, Management];

    public static IReadOnlyList<ObservationQuestion> Questions { get; } =
    [
        new(1, Environment, "What are your initial impressions?", ObservationAnswerKind.FreeText),
        new(2, Environment, "Does the establishment smell fresh and clean?", ObservationAnswerKind.YesNo),
        new(3, Environment, "Are the staff aware of the reason for your visit?", ObservationAnswerKind.YesNo),
        new(4, Environment, "Are there drinks and snacks in the communal areas for people?", ObservationAnswerKind.YesNo),
        new(5, Environment, "Does each person you visit have a drink within reach that they can manage?", ObservationAnswerKind.YesNo),
        new(6, Environment, "If you look at a specific person, are fluid charts being completed fully where applicable?", ObservationAnswerKind.YesNo),
        new(7, Environment, "When observing an environment from a mental health perspective, is the layout of the furniture being used to restrict movement", ObservationAnswerKind.YesNo),
        new(8, Environment, "What is the quality of the information on notice boards especially with providers who cater for people with a functional illness and for EMI homes for families and carers?", ObservationAnswerKind.YesNo),
        new(9, Staffing, "Do staff make you welcome when you visit the home and are you asked to sign in?", ObservationAnswerKind.YesNo),
        new(10, Staffing, "Do the staff know who you are visiting and the reason for your visit?", ObservationAnswerKind.YesNo),
        new(11, Staffing, "Did staff ask permission to enter the person's room?", ObservationAnswerKind.YesNo),
        new(12, Staffing, "Do the staff speak to people with respect?", ObservationAnswerKind.YesNo),
        new(13, Staffing, "Do you hear call bells ringing constantly for long periods of time?", ObservationAnswerKind.YesNo),
        new(14, Staffing, "Do you hear people calling out for any length of time and not being responded to?", ObservationAnswerKind.YesNo),
        new(15, Staffing, "If people are sat in the lounges is there staff available to them or doing any kind of activity with them? Within Care Homes for people with dementia, Care Home Staff should be with them.", ObservationAnswerKind.YesNo),
        new(16, Management, "Do you know who the Manager is and are they on site?", ObservationAnswerKind.YesNo),
        new(17, Management, "Are you aware of who is in charge of the shift?", ObservationAnswerKind.YesNo),
        new(18, Management, "Are you asked to see other people when you visit the Care Home?", ObservationAnswerKind.YesNo),
        new(19, Management, "Is there person identifiable information left lying around?", ObservationAnswerKind.YesNo),
        new(20, Management, "Are care records available at your visit?", ObservationAnswerKind.YesNo),
        new(21, Management, "Any other issues you wish to raise?", ObservationAnswerKind.YesNo),
    ];

    public static ObservationQuestion Question(int number) =>
        Questions.FirstOrDefault(q => q.Number == number) ?? throw new DomainRuleException($"There is no question {number} on the observation sheet.");
}
