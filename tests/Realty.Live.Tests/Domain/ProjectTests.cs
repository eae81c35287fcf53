using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class ProjectTests
{
    private static readonly ProjectSettings Usual = new(30, 3, 7, 20_000m, 50_000m, 50_000m, 2, "Asia/Shanghai");

    [Theory]
    // 23:30 UTC is 07:30 the next morning in Shanghai (UTC+8).
    [InlineData("Asia/Shanghai", "2026-11-22T23:30:00Z", "2026-11-23")]
    [InlineData("Asia/Shanghai", "2026-11-22T15:59:59Z", "2026-11-22")]
    [InlineData("Asia/Shanghai", "2026-11-22T16:00:00Z", "2026-11-23")]
    // 02:00 UTC is 21:00 the evening before in New York (UTC−5 in November).
    [InlineData("America/New_York", "2026-11-22T02:00:00Z", "2026-11-21")]
    [InlineData("UTC", "2026-11-22T23:30:00Z", "2026-11-22")]
    public void TodayIsTheSalesOfficesCalendarDay(string zone, string utc, string day)
    {
        var project = new Project { Name = "滨江花园", TimeZoneId = zone };

        var today = project.Today(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), today);
    }

    [Fact]
    public void AProjectIsInShanghaiUnlessTold()
    {
        Assert.Equal("Asia/Shanghai", new Project { Name = "滨江花园" }.TimeZoneId);
    }

    [Fact]
    public void SettingsAreKeptWithAmountsToTheFen()
    {
        var project = new Project { Name = "滨江花园" };

        project.Update(Usual with { DefaultDeposit = 20_000.005m, TimeZoneId = "America/New_York", UnitsPerBuyer = 3 });

        Assert.Equal((30, 3, 7, 20_000.01m, 3, "America/New_York"), (project.HoldMinutes, project.DepositDays, project.SignWithinDays, project.DefaultDeposit, project.UnitsPerBuyer, project.TimeZoneId));
    }

    public static TheoryData<ProjectSettings, string> BadSettings() => new()
    {
        { Usual with { HoldMinutes = 4 }, "project.holdMinutes.range" },
        { Usual with { HoldMinutes = 24 * 60 + 1 }, "project.holdMinutes.range" },
        { Usual with { DepositDays = 0 }, "project.depositDays.range" },
        { Usual with { DepositDays = 31 }, "project.depositDays.range" },
        { Usual with { SignWithinDays = 0 }, "project.signWithinDays.range" },
        { Usual with { SignWithinDays = 91 }, "project.signWithinDays.range" },
        { Usual with { UnitsPerBuyer = 0 }, "project.unitsPerBuyer.range" },
        { Usual with { UnitsPerBuyer = 21 }, "project.unitsPerBuyer.range" },
        { Usual with { DefaultDeposit = 0 }, "project.amount.range" },
        { Usual with { DefaultEarnest = -50_000m }, "project.amount.range" },
        { Usual with { DefaultSincerity = 1_000_000_000.01m }, "project.amount.range" },
        { Usual with { TimeZoneId = "Mars/Olympus_Mons" }, "project.timeZone.unknown" },
        { Usual with { TimeZoneId = null }, "project.timeZone.unknown" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void BadSettingsAreRefusedAndChangeNothing(ProjectSettings settings, string key)
    {
        var project = new Project { Name = "滨江花园" };

        Assert.Equal(key, Assert.Throws<DomainException>(() => project.Update(settings)).Key);

        Assert.Equal((Project.DefaultHoldMinutes, 3, 7, 20_000m, 2, "Asia/Shanghai"), (project.HoldMinutes, project.DepositDays, project.SignWithinDays, project.DefaultDeposit, project.UnitsPerBuyer, project.TimeZoneId));
    }

    [Fact]
    public void ARehearsalIsWipedBeforeTheProjectLeavesIt()
    {
        var project = new Project { Name = "滨江花园" };
        project.SetOpening(OpeningMode.Rehearsal, rehearsalLeftovers: false);

        var error = Assert.Throws<DomainException>(() => project.SetOpening(OpeningMode.Live, rehearsalLeftovers: true));
        project.SetOpening(OpeningMode.Live, rehearsalLeftovers: false);

        Assert.Equal("opening.wipeRehearsalFirst", error.Key);
        Assert.Equal(OpeningMode.Live, project.Opening);
    }
}
