namespace Portal.Core.Import;

public enum ImportColumnKind
{
    Text,
    Date,
    Number,
    WholeNumber,
    YesNo,
    Choice,
}

/// <summary>A column the import expects in the header row, and the rule for its values.</summary>
public sealed record ImportColumn(
    string Name,
    ImportColumnKind Kind,
    bool Required,
    int? MaxLength = null,
    IReadOnlyList<string>? Choices = null);
