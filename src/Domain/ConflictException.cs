namespace Moment.Domain;

/// <summary>The request clashes with the current state: someone else acted first (an offer already accepted), or it would duplicate something.</summary>
public sealed class ConflictException(string format, params object?[] arguments) : RefusalException(format, arguments);
