namespace Realty.Live.Web.Domain;

public enum OpeningMode
{
    /// <summary>Everyday selling.</summary>
    Off,

    /// <summary>公测: the opening played through with made-up buyers, wiped afterwards.</summary>
    Rehearsal,

    /// <summary>开盘: only buyers whose queue number has been called may be given a unit.</summary>
    Live,
}

public sealed class Project
{
    public const int DefaultHoldMinutes = 30;
    public const string DefaultTimeZone = "Asia/Shanghai";

    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Phase { get; set; }

    /// <summary>The sales office's time zone: due dates and "today" are its calendar days.</summary>
    public string TimeZoneId { get; set; } = DefaultTimeZone;

    /// <summary>How long an agent's hold (预留) lasts before it expires by itself.</summary>
    public int HoldMinutes { get; set; } = DefaultHoldMinutes;

    /// <summary>How long a deposit (小订) secures a unit before it goes back on sale.</summary>
    public int DepositDays { get; set; } = 3;

    /// <summary>Days from the subscription (认购) to the contract (签约) the buyer has.</summary>
    public int SignWithinDays { get; set; } = 7;

    public decimal DefaultDeposit { get; set; } = 20_000m;

    public decimal DefaultEarnest { get; set; } = 50_000m;

    /// <summary>The sincerity deposit (诚意金) taken with a queue number.</summary>
    public decimal DefaultSincerity { get; set; } = 50_000m;

    public OpeningMode Opening { get; private set; }

    /// <summary>During the opening, how many units one queue number may take.</summary>
    public int UnitsPerBuyer { get; set; } = 2;

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The sales office's calendar day at an instant.</summary>
    public DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, TimeZone));

    public void Update(ProjectSettings settings)
    {
        if (settings.HoldMinutes is < 5 or > 24 * 60)
        {
            throw new DomainException("project.holdMinutes.range");
        }
        if (settings.DepositDays is < 1 or > 30)
        {
            throw new DomainException("project.depositDays.range");
        }
        if (settings.SignWithinDays is < 1 or > 90)
        {
            throw new DomainException("project.signWithinDays.range");
        }
        if (settings.UnitsPerBuyer is < 1 or > 20)
        {
            throw new DomainException("project.unitsPerBuyer.range");
        }
        decimal[] amounts = [settings.DefaultDeposit, settings.DefaultEarnest, settings.DefaultSincerity];
        if (amounts.Any(a => a <= 0 || a > Money.MaxPrice))
        {
            throw new DomainException("project.amount.range");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZoneId ?? "", out _))
        {
            throw new DomainException("project.timeZone.unknown", settings.TimeZoneId ?? "");
        }
        HoldMinutes = settings.HoldMinutes;
        DepositDays = settings.DepositDays;
        SignWithinDays = settings.SignWithinDays;
        UnitsPerBuyer = settings.UnitsPerBuyer;
        DefaultDeposit = Money.Fen(settings.DefaultDeposit);
        DefaultEarnest = Money.Fen(settings.DefaultEarnest);
        DefaultSincerity = Money.Fen(settings.DefaultSincerity);
        TimeZoneId = settings.TimeZoneId!;
    }

    public void SetOpening(OpeningMode mode, bool rehearsalLeftovers)
    {
        // Leaving a rehearsal with its made-up deals still on the board would mix them with real ones.
        if (Opening == OpeningMode.Rehearsal && mode != OpeningMode.Rehearsal && rehearsalLeftovers)
        {
            throw new DomainException("opening.wipeRehearsalFirst");
        }
        Opening = mode;
    }

    public List<Building> Buildings { get; set; } = [];

    public List<Layout> Layouts { get; set; } = [];
}

public sealed class Building
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    /// <summary>As the sales office says it, e.g. "1#".</summary>
    public required string Name { get; set; }

    public int SortOrder { get; set; }

    public List<Unit> Units { get; set; } = [];
}

public sealed class Layout
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    /// <summary>Short code shown on the board, e.g. "A".</summary>
    public required string Code { get; set; }

    /// <summary>Rooms description, e.g. "3房2厅1卫".</summary>
    public required string Name { get; set; }
}

/// <summary>What a manager sets for a project's deals.</summary>
public sealed record ProjectSettings(
    int HoldMinutes,
    int DepositDays,
    int SignWithinDays,
    decimal DefaultDeposit,
    decimal DefaultEarnest,
    decimal DefaultSincerity,
    int UnitsPerBuyer,
    string? TimeZoneId);
