namespace Realty.Live.Web.Domain;

public sealed class Project
{
    public const int DefaultHoldMinutes = 30;

    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Phase { get; set; }

    /// <summary>How long an agent's hold (预留) lasts before it expires by itself.</summary>
    public int HoldMinutes { get; set; } = DefaultHoldMinutes;

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
