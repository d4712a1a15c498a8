using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;

namespace Bilansoft.Formats.Banking.Camt;

/// <summary>
/// Reads ISO 20022 camt.053 statements (message versions 001.02 to 001.08) with a forward-only
/// <see cref="XmlReader"/>. Each <c>Ntry</c> and each statement-level element is loaded on its
/// own, so memory is bounded by the largest entry, not by the file.
/// </summary>
/// <param name="options">Validation settings.</param>
/// <param name="head">The first bytes of the file, used only to locate a prohibited DOCTYPE.</param>
internal sealed class Camt053StatementReader(StatementReaderOptions options, ReadOnlyMemory<byte> head)
{
    private const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";
    private const int OldestVersion = 2;
    private const int NewestVersion = 8;

    private XmlReader _xml = null!;
    private string _path = "Document";
    private bool _rootSeen;

    public async IAsyncEnumerable<StatementElement> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // No DTD processing and no resolver: a DOCTYPE (and so any entity declaration) is rejected
        // before it can expand entities or reach a file or the network.
        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        using var xml = XmlReader.Create(stream, settings);
        _xml = xml;

        var version = await ReadRootAsync();
        if (!await EnterAsync())
        {
            throw NotAStatement("The Document element is empty.");
        }

        if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "BkToCstmrStmt")
        {
            throw NotAStatement($"The Document element contains '{xml.LocalName}' instead of 'BkToCstmrStmt'.");
        }

        _path = "Document/BkToCstmrStmt";
        string? messageId = null;
        DateOnly? messageDate = null;
        var statementIndex = 0;
        if (!await EnterAsync())
        {
            throw NotAStatement("BkToCstmrStmt contains no statement.");
        }

        while (xml.NodeType == XmlNodeType.Element)
        {
            if (xml.LocalName == "GrpHdr")
            {
                var groupHeader = await LoadAsync();
                messageId = groupHeader.Text("MsgId");
                messageDate = CamtValues.ReadDateTime(groupHeader.Child("CreDtTm"), groupHeader, _path + "/GrpHdr");
                await MoveToNextElementAsync();
                continue;
            }

            if (xml.LocalName != "Stmt")
            {
                await SkipAsync();
                continue;
            }

            var statementPath = string.Create(CultureInfo.InvariantCulture, $"Document/BkToCstmrStmt/Stmt[{statementIndex + 1}]");
            await foreach (var element in ReadStatementAsync(version, statementIndex, statementPath, messageId, messageDate, cancellationToken))
            {
                yield return element;
            }

            statementIndex++;
        }

        if (statementIndex == 0)
        {
            throw NotAStatement("BkToCstmrStmt contains no Stmt element.");
        }

        // Read to the end so that a file cut off after the last statement is still reported.
        _path = "Document";
        while (await ReadAsync())
        {
        }
    }

    private async IAsyncEnumerable<StatementElement> ReadStatementAsync(
        int version,
        int statementIndex,
        string statementPath,
        string? messageId,
        DateOnly? messageDate,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _path = statementPath;
        using var statement = new CamtStatementBuilder(version, statementIndex, statementPath, messageId, messageDate, options, CurrentLine());
        var headerSent = false;
        var entryIndex = 0;
        if (await EnterAsync())
        {
            while (_xml.NodeType == XmlNodeType.Element)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = _xml.LocalName;
                var element = await LoadAsync();
                if (name == "Ntry")
                {
                    if (!headerSent)
                    {
                        yield return statement.BuildHeader(element);
                        headerSent = true;
                    }

                    entryIndex++;
                    if (statement.ReadEntry(element, entryIndex) is { } transaction)
                    {
                        yield return transaction;
                    }
                }
                else
                {
                    statement.ReadStatementElement(name, element);
                }

                await MoveToNextElementAsync();
            }
        }

        var endLine = CurrentLine();
        await ReadAsync();
        await MoveToElementOrEndAsync();
        if (!headerSent)
        {
            yield return statement.BuildHeader(null);
        }

        yield return statement.BuildSummary(endLine);
    }

    /// <summary>Moves to the root element and returns the message version from its namespace.</summary>
    private async Task<int> ReadRootAsync()
    {
        await MoveToElementOrEndAsync();
        if (_xml.NodeType != XmlNodeType.Element)
        {
            throw NotAStatement("The XML has no root element.");
        }

        _rootSeen = true;
        var ns = _xml.NamespaceURI;
        if (_xml.LocalName != "Document" || !ns.StartsWith(NamespacePrefix, StringComparison.Ordinal))
        {
            if (_xml.LocalName == "Document" && ns.StartsWith("urn:iso:std:iso:20022:tech:xsd:", StringComparison.Ordinal))
            {
                throw NotAStatement($"The document is an ISO 20022 '{ns[31..]}' message, not a camt.053 statement.", ns);
            }

            throw NotAStatement($"The root element is '{_xml.Name}' in namespace '{ns}', not a camt.053 Document.", ns);
        }

        var suffix = ns[NamespacePrefix.Length..];
        if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ||
            version is < OldestVersion or > NewestVersion)
        {
            throw new StatementFormatException(new StatementIssue(
                StatementErrorCodes.CamtUnsupportedVersion,
                $"camt.053.001.{suffix} is not supported; versions 001.02 to 001.08 are read.",
                CurrentLine(),
                CurrentColumn(),
                "Document",
                ns));
        }

        return version;
    }

    /// <summary>
    /// Moves from the current start element to its first child element. Returns false, positioned
    /// after the element, when it has no child elements.
    /// </summary>
    private async Task<bool> EnterAsync()
    {
        if (_xml.IsEmptyElement)
        {
            await ReadAsync();
            await MoveToElementOrEndAsync();
            return false;
        }

        await ReadAsync();
        await MoveToElementOrEndAsync();
        if (_xml.NodeType == XmlNodeType.EndElement)
        {
            await ReadAsync();
            await MoveToElementOrEndAsync();
            return false;
        }

        return true;
    }

    /// <summary>Loads the current element with its content; the reader stays on its end.</summary>
    private async Task<XElement> LoadAsync()
    {
        try
        {
            using var subtree = _xml.ReadSubtree();
            return await XElement.LoadAsync(subtree, LoadOptions.SetLineInfo, CancellationToken.None);
        }
        catch (XmlException exception)
        {
            throw Convert(exception);
        }
    }

    private async Task SkipAsync()
    {
        try
        {
            await _xml.SkipAsync();
        }
        catch (XmlException exception)
        {
            throw Convert(exception);
        }

        await MoveToElementOrEndAsync();
    }

    /// <summary>Moves past the end of the element just loaded, to the next sibling element or the parent's end.</summary>
    private async Task MoveToNextElementAsync()
    {
        await ReadAsync();
        await MoveToElementOrEndAsync();
    }

    private async Task MoveToElementOrEndAsync()
    {
        while (_xml.NodeType is not (XmlNodeType.Element or XmlNodeType.EndElement))
        {
            if (!await ReadAsync())
            {
                return;
            }
        }
    }

    private async Task<bool> ReadAsync()
    {
        try
        {
            return await _xml.ReadAsync();
        }
        catch (XmlException exception)
        {
            throw Convert(exception);
        }
    }

    private StatementFormatException Convert(XmlException exception)
    {
        // Some XmlReader errors, such as the prohibited DTD, carry no position; the reader's own is close.
        var line = exception.LineNumber > 0 ? exception.LineNumber : CurrentLine();
        var column = exception.LineNumber > 0 ? exception.LinePosition : CurrentColumn();

        // XmlReader reports a prohibited DTD as an XmlException; before the root element the only
        // markup that can mention a DTD is a DOCTYPE declaration.
        if (!_rootSeen && exception.Message.Contains("DTD", StringComparison.Ordinal))
        {
            var doctype = head.Span.IndexOf("<!DOCTYPE"u8);
            if (doctype >= 0)
            {
                line = head.Span[..doctype].Count((byte)'\n') + 1;
                column = doctype - head.Span[..doctype].LastIndexOf((byte)'\n');
            }

            return new StatementFormatException(
                new StatementIssue(
                    StatementErrorCodes.CamtDtdProhibited,
                    "The XML contains a document type declaration (DOCTYPE). DTDs and entity declarations are not accepted in bank statements.",
                    line,
                    column,
                    "DOCTYPE"),
                exception);
        }

        return new StatementFormatException(
            new StatementIssue(
                StatementErrorCodes.CamtInvalidXml,
                "The XML is not well-formed or ends early: " + exception.Message,
                line,
                column,
                _path),
            exception);
    }

    private StatementFormatException NotAStatement(string message, string? value = null) =>
        new(new StatementIssue(StatementErrorCodes.CamtNotAStatement, message, CurrentLine(), CurrentColumn(), _path, value));

    private int CurrentLine() => _xml is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private int CurrentColumn() => _xml is IXmlLineInfo info && info.HasLineInfo() ? info.LinePosition : 0;
}
