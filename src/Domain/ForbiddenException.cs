namespace Moment.Domain;

/// <summary>The person is known but may not do this (accepting an offer addressed to someone else).</summary>
public sealed class ForbiddenException(string format, params object?[] arguments) : RefusalException(format, arguments);
