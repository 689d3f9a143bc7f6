namespace Portal.Core.Calendar;

/// <summary>
/// A day the organisation is closed that the computed bank holidays do not know about: a one-off bank
/// holiday proclaimed after this code was written, or a local closure day. Administrators keep the list.
/// </summary>
public sealed class ClosureDay
{
    public const int DescriptionMaxLength = 200;

    private ClosureDay() { Description = ""; }

    public ClosureDay(DateOnly date, string description)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            throw new DomainRuleException($"{date:dddd d MMMM yyyy} is a weekend day; it is never a working day anyway.");
        if (EnglandAndWalesBankHolidays.For(date.Year).Any(h => h.Date == date))
            throw new DomainRuleException($"{date:d MMMM yyyy} is already a bank holiday.");
        Date = date;
        Description = Guard.RequiredText(description, "Description", DescriptionMaxLength);
    }

    public DateOnly Date { get; private set; }
    public string Description { get; private set; }
}
