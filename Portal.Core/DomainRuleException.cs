namespace Portal.Core;

/// <summary>
/// The one exception a domain rule throws when a change is not allowed. The message is plain English
/// and is shown to the person as a form error, so it must make sense to someone who is not technical.
/// </summary>
public sealed class DomainRuleException(string message) : Exception(message);
