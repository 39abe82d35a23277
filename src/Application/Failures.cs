namespace Moment.Application;

/// <summary>The thing asked for does not exist, or the asker may not know that it does.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request clashes with the current state (someone else acted first, or a duplicate).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The asker is known but may not do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
