namespace Portal.Core;

/// <summary>
/// An aggregate a person edits. <see cref="Version"/> is the optimistic concurrency token: the store
/// bumps it on every update, so two people saving the same record cannot silently overwrite each other.
/// </summary>
public abstract class Versioned
{
    public int Version { get; private set; }

    /// <summary>Called by the store when it writes a change; never by feature code.</summary>
    public void BumpVersion() => Version++;
}
