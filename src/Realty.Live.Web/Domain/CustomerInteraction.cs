namespace Realty.Live.Web.Domain;

/// <summary>What happened between the sales office and a customer, as one entry of the ledger's timeline.</summary>
public enum InteractionKind
{
    /// <summary>来访: came to the sales office.</summary>
    WalkIn,

    /// <summary>来电: phoned.</summary>
    Call,

    /// <summary>看房: was shown a flat, with how much they liked it.</summary>
    Showing,

    /// <summary>跟进: the agent followed up.</summary>
    FollowUp,

    /// <summary>投诉: complained.</summary>
    Complaint,
}

/// <summary>What an agent types to add an entry to a customer's timeline.</summary>
public sealed record InteractionEntry(InteractionKind Kind, string? Note, int? Satisfaction = null, string? UnitCode = null, DateOnly? NextFollowUp = null);

/// <summary>
/// One entry of a customer's timeline (客户台帐). The note is kept exactly as typed, markup and all, and
/// pages render it as text: a note is the agent's words, never the page's.
/// </summary>
public sealed class CustomerInteraction
{
    public const int MaxNoteLength = 500;
    public const int MaxUnitCodeLength = 20;

    private CustomerInteraction()
    {
    }

    public int Id { get; private set; }

    public int CustomerId { get; private set; }

    public InteractionKind Kind { get; private set; }

    public string Note { get; private set; } = "";

    /// <summary>1 (not at all) to 5 (loved it); showings only.</summary>
    public int? Satisfaction { get; private set; }

    /// <summary>The unit shown; showings only.</summary>
    public string? UnitCode { get; private set; }

    /// <summary>The next follow-up date set with this entry, if any.</summary>
    public DateOnly? NextFollowUp { get; private set; }

    public string ById { get; private set; } = "";

    public string ByName { get; private set; } = "";

    public DateTime At { get; private set; }

    internal static CustomerInteraction Of(Customer customer, InteractionEntry entry, Actor by, DateTime now, DateOnly today)
    {
        if (!Enum.IsDefined(entry.Kind))
        {
            throw new DomainException("ledger.kind.unknown");
        }
        var note = (entry.Note ?? "").Trim();
        if (note.Length == 0 && entry.Kind is InteractionKind.FollowUp or InteractionKind.Complaint)
        {
            throw new DomainException("ledger.note.required");
        }
        if (note.Length > MaxNoteLength)
        {
            throw new DomainException("ledger.note.tooLong", MaxNoteLength);
        }
        // Line breaks and tabs are how people write notes; other control characters only break exports.
        if (note.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
        {
            throw new DomainException("ledger.note.invalid");
        }
        int? satisfaction = null;
        string? unitCode = null;
        if (entry.Kind == InteractionKind.Showing)
        {
            if (entry.Satisfaction is not (>= 1 and <= 5))
            {
                throw new DomainException("ledger.satisfaction.range");
            }
            unitCode = (entry.UnitCode ?? "").Trim();
            if (unitCode.Length == 0)
            {
                throw new DomainException("ledger.unit.required");
            }
            if (unitCode.Length > MaxUnitCodeLength || unitCode.Any(char.IsControl))
            {
                throw new DomainException("ledger.unit.invalid");
            }
            satisfaction = entry.Satisfaction;
        }
        if (entry.NextFollowUp is { } next && next < today)
        {
            throw new DomainException("ledger.followUp.past", today.ToString("yyyy-MM-dd"));
        }
        return new CustomerInteraction
        {
            CustomerId = customer.Id,
            Kind = entry.Kind,
            Note = note,
            Satisfaction = satisfaction,
            UnitCode = unitCode,
            NextFollowUp = entry.NextFollowUp,
            ById = by.Id,
            ByName = by.Name,
            At = now,
        };
    }
}

/// <summary>What an agent types on a customer's profile; blank parts are cleared.</summary>
public sealed record ProfileEdit(string? IdNumber, decimal? Budget, string? Layouts, string? Areas, string? Floors, string? Family = null, string? Job = null, string? Email = null, DateOnly? Birthday = null);

/// <summary>The 居民身份证 number: 18 characters with a check digit (or the old 15 digits).</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckDigits = "10X98765432";

    public static string? Normalise(string? typed)
    {
        var compact = new string([.. (typed ?? "").Where(ch => !char.IsWhiteSpace(ch))]).ToUpperInvariant();
        if (compact.Length == 0)
        {
            return null;
        }
        var valid = compact.Length switch
        {
            15 => compact.All(char.IsAsciiDigit),
            18 => compact[..17].All(char.IsAsciiDigit) && CheckDigits[Weights.Select((w, i) => w * (compact[i] - '0')).Sum() % 11] == compact[17],
            _ => false,
        };
        if (!valid)
        {
            throw new DomainException("ledger.idNumber.invalid", compact.Length > 24 ? compact[..24] + "…" : compact);
        }
        return compact;
    }

    /// <summary>The region and the last four: enough to tell two people apart at the desk.</summary>
    public static string Mask(string idNumber) =>
        idNumber.Length <= 7 ? new string('*', idNumber.Length) : idNumber[..3] + new string('*', idNumber.Length - 7) + idNumber[^4..];
}
