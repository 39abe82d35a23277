using Microsoft.Extensions.Localization;
using Moment.Domain;
using Moment.Web.Localization;

namespace Moment.Web.Components.Forms;

/// <summary>
/// What is wrong with one posted form, each message at its input (WCAG 3.3.1), in the reader's language. A page checks
/// every field with the domain's own rules before it calls the use case, so that all mistakes show at once; a refusal the
/// use case still finds goes to the input its field names, or to the top of the form when it names none.
/// <see cref="FieldError"/> shows an input's message under it, and <see cref="For"/> marks the input (aria-invalid,
/// aria-describedby) so that a screen reader reads the message with it; <see cref="ErrorSummary"/> says it at the top.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);

    /// <summary>What belongs to no single input (the case changed meanwhile, a wrong password).</summary>
    public string? General { get; private set; }

    public bool HasFieldErrors => _messages.Count > 0;

    public bool Any => HasFieldErrors || General is not null;

    /// <summary>The message at an input, if it has one.</summary>
    public string? this[string inputId] => _messages.GetValueOrDefault(inputId);

    /// <summary>The first message for an input wins: it is the one to fix first.</summary>
    public void Add(string inputId, string message) => _messages.TryAdd(inputId, message);

    public void Say(string general) => General ??= general;

    /// <summary>Runs one of the domain's rules on one input; its refusal becomes the input's message.</summary>
    public void Check(string inputId, IStringLocalizer L, Action rule)
    {
        try
        {
            rule();
        }
        catch (DomainRuleException refusal)
        {
            Add(inputId, L.Say(refusal));
        }
    }

    /// <summary>Places a refusal: at the input of its field (<paramref name="inputs"/> maps field to input id), else at the top.</summary>
    public void Refused(RefusalException refusal, IStringLocalizer L, params (string Field, string InputId)[] inputs)
    {
        var field = (refusal as DomainRuleException)?.Field;
        var input = inputs.FirstOrDefault(i => i.Field == field).InputId;
        if (field is not null && input is not null)
            Add(input, L.Say(refusal));
        else
            Say(L.Say(refusal));
    }

    public static string ErrorId(string inputId) => inputId + "-error";

    /// <summary>
    /// The attributes for an input (splat them with <c>@attributes</c>): aria-invalid when it has a message, and
    /// aria-describedby naming its hint, if any, and its message. A fieldset (<paramref name="group"/>) gets only the
    /// description: ARIA allows aria-invalid on inputs, not on a group.
    /// </summary>
    public IReadOnlyDictionary<string, object> For(string inputId, string? hintId = null, bool group = false)
    {
        var invalid = _messages.ContainsKey(inputId);
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal);
        if (invalid && !group)
            attributes["aria-invalid"] = "true";
        var describedBy = string.Join(' ', new[] { hintId, invalid ? ErrorId(inputId) : null }.OfType<string>());
        if (describedBy.Length > 0)
            attributes["aria-describedby"] = describedBy;
        return attributes;
    }
}
