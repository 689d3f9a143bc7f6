namespace Portal.Core.Rag;

/// <summary>
/// Red/Amber/Green rating used by audits and action plans, plus Complete for finished actions.
/// The enum names are the words people see, so exports and imports use them as they are.
/// </summary>
public enum RagStatus
{
    Red,
    Amber,
    Green,
    Complete,
}
