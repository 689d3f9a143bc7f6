namespace Portal.Core;

internal static class Guard
{
    public static string RequiredText(string? value, string fieldName, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new DomainRuleException($"{fieldName} is required.");
        if (trimmed.Length > maxLength)
            throw new DomainRuleException($"{fieldName} must be {maxLength} characters or fewer.");
        return trimmed;
    }

    public static string? OptionalText(string? value, string fieldName, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length > maxLength)
            throw new DomainRuleException($"{fieldName} must be {maxLength} characters or fewer.");
        return trimmed;
    }
}
