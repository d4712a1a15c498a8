namespace Bilansoft.Application.Catalog;

/// <summary>Where a text snippet is meant to be used.</summary>
public enum SnippetUsage
{
    /// <summary>As the description of a line and as a note.</summary>
    Any,

    /// <summary>As the description of a line.</summary>
    Line,

    /// <summary>As the note (BT-22) of a document.</summary>
    Note,
}

/// <summary>A named, reusable text in up to four languages for lines and notes, such as standard terms of delivery.</summary>
public sealed record TextSnippet
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public SnippetUsage Usage { get; init; } = SnippetUsage.Any;

    public required TranslatedText Text { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A text snippet as a client sends it, before validation.</summary>
public sealed record TextSnippetInput
{
    public string? Name { get; init; }

    /// <summary><c>any</c> (default), <c>line</c> or <c>note</c>.</summary>
    public string? Usage { get; init; }

    public TranslatedTextInput? Text { get; init; }
}
