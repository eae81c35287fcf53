using System.Buffers.Binary;
using System.Text;
using Realty.Live.Web.Domain;

namespace Realty.Live.Bench;

/// <summary>What a board showed of one unit in one render batch: its status, and its version when the markup carries it.</summary>
public readonly record struct Sighting(int UnitId, UnitStatus Status, int Version);

/// <summary>
/// Reads just enough of a Blazor Server render batch (the format of the server's RenderBatchWriter,
/// read in the browser by OutOfProcessRenderBatch.ts) to tell which units a board was shown.
/// </summary>
/// <remarks>
/// Layout: diffs, reference frames, disposed ids, then a string table; the last five int32s give
/// where each part starts. A reference frame is 20 bytes: an int32 type, then type-specific slots
/// (text: string index; attribute: name index, value index, event handler id). Every frame that a
/// diff inserts or whose attribute it changes is among the reference frames, in document order.
/// Three places name a unit: a wall cell, one markup frame holding its whole button with
/// <c>data-unit-id</c>, <c>data-status</c> and <c>data-version</c>; a board cell, whose attributes
/// <c>data-version</c> and then <c>title="{code} · {status}"</c> a diff sets one by one; and a ticker
/// row's texts <c>{code}</c> then <c>{status}</c>.
/// </remarks>
public static class RenderBatchReader
{
    private const int FrameSize = 20;
    private const int ElementFrame = 1;
    private const int TextFrame = 2;
    private const int AttributeFrame = 3;
    private const int MarkupFrame = 8;
    private const string TitleSeparator = " · ";

    private static readonly byte[] DataVersion = Encoding.UTF8.GetBytes("data-version");
    private static readonly byte[] Title = Encoding.UTF8.GetBytes("title");
    private static readonly byte[] DataWall = Encoding.UTF8.GetBytes("data-wall");
    private static readonly byte[] Live = Encoding.UTF8.GetBytes("live");
    private static readonly byte[] UnitIdIs = Encoding.UTF8.GetBytes("data-unit-id=\"");
    private static readonly byte[] StatusIs = Encoding.UTF8.GetBytes("data-status=\"");
    private static readonly byte[] VersionIs = Encoding.UTF8.GetBytes("data-version=\"");

    /// <summary>Adds what the batch shows to <paramref name="sightings"/>; returns whether it holds the live wall's root.</summary>
    public static bool Read(ReadOnlySpan<byte> batch, UnitDirectory units, List<Sighting> sightings)
    {
        var end = batch.Length;
        var framesAt = Int(batch, end - 16);
        var stringsAt = Int(batch, end - 4);
        var count = Int(batch, framesAt);
        var isLiveWall = false;
        var version = 0;
        var tickerUnit = 0;
        Span<char> chars = stackalloc char[256];
        for (var i = 0; i < count; i++)
        {
            var frame = batch.Slice(framesAt + 4 + i * FrameSize, FrameSize);
            switch (Int(frame, 0))
            {
                case ElementFrame:
                    version = 0;
                    break;
                case AttributeFrame:
                    var name = StringBytes(batch, stringsAt, Int(frame, 4));
                    if (name.SequenceEqual(DataVersion))
                    {
                        version = int.TryParse(StringBytes(batch, stringsAt, Int(frame, 8)), out var v) ? v : 0;
                    }
                    else if (name.SequenceEqual(Title) && Decode(StringBytes(batch, stringsAt, Int(frame, 8)), chars) is { Length: > 0 } title)
                    {
                        var split = title.IndexOf(TitleSeparator, StringComparison.Ordinal);
                        if (split > 0 && units.IdLookup.TryGetValue(title[..split], out var id) &&
                            units.StatusLookup.TryGetValue(title[(split + TitleSeparator.Length)..], out var status))
                        {
                            sightings.Add(new Sighting(id, status, version));
                        }
                    }
                    else if (name.SequenceEqual(DataWall) && StringBytes(batch, stringsAt, Int(frame, 8)).SequenceEqual(Live))
                    {
                        isLiveWall = true;
                    }
                    break;
                case MarkupFrame:
                    var markup = StringBytes(batch, stringsAt, Int(frame, 4));
                    if (int.TryParse(Quoted(markup, UnitIdIs), out var cellId) &&
                        int.TryParse(Quoted(markup, VersionIs), out var cellVersion) &&
                        Decode(Quoted(markup, StatusIs), chars) is { Length: > 0 } wire &&
                        Enum.TryParse<UnitStatus>(wire, ignoreCase: true, out var cellStatus))
                    {
                        sightings.Add(new Sighting(cellId, cellStatus, cellVersion));
                    }
                    break;
                case TextFrame:
                    var text = Decode(StringBytes(batch, stringsAt, Int(frame, 4)), chars);
                    if (tickerUnit != 0 && units.StatusLookup.TryGetValue(text, out var tickerStatus))
                    {
                        // A ticker row names no version: the matcher takes the next one in this status.
                        sightings.Add(new Sighting(tickerUnit, tickerStatus, 0));
                        tickerUnit = 0;
                    }
                    else
                    {
                        tickerUnit = units.IdLookup.TryGetValue(text, out var unitId) ? unitId : 0;
                    }
                    break;
            }
        }
        return isLiveWall;
    }

    /// <summary>The value of the first <c>name="value"</c> in markup, given <c>name="</c>.</summary>
    private static ReadOnlySpan<byte> Quoted(ReadOnlySpan<byte> markup, ReadOnlySpan<byte> nameIs)
    {
        var at = markup.IndexOf(nameIs);
        if (at < 0)
        {
            return [];
        }
        var value = markup[(at + nameIs.Length)..];
        var end = value.IndexOf((byte)'"');
        return end < 0 ? [] : value[..end];
    }

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data[at..]);

    /// <summary>A string of the table as UTF-8 bytes: .NET's BinaryWriter prefixes each with its 7-bit-encoded length.</summary>
    private static ReadOnlySpan<byte> StringBytes(ReadOnlySpan<byte> batch, int tableAt, int index)
    {
        if (index < 0)
        {
            return [];
        }
        var at = Int(batch, tableAt + index * 4);
        int length = 0, shift = 0;
        byte b;
        do
        {
            b = batch[at++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return batch.Slice(at, length);
    }

    /// <summary>Decodes short strings only: codes, titles and status names are short, anything longer is not one.</summary>
    private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8, Span<char> buffer) =>
        utf8.Length <= buffer.Length && Encoding.UTF8.TryGetChars(utf8, buffer, out var written) ? buffer[..written] : [];
}
