using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class UnitStatusNamesTests
{
    [Theory]
    [InlineData("hold", UnitAction.Hold)]
    [InlineData("HOLD", UnitAction.Hold)]
    [InlineData("unwithhold", UnitAction.Unwithhold)]
    [InlineData("sign", UnitAction.Sign)]
    public void AnActionIsKnownByItsName(string wire, UnitAction expected)
    {
        Assert.True(UnitStatusNames.TryParseAction(wire, out var action));
        Assert.Equal(expected, action);
    }

    [Theory]
    [InlineData("expire")]
    [InlineData("cancel")]
    [InlineData("reset")]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("publish,withdraw")]
    [InlineData(" hold ")]
    [InlineData("")]
    [InlineData(null)]
    public void NumbersListsAndWhatOnlyJobsAndApprovalsDoAreNotActions(string? wire)
    {
        Assert.False(UnitStatusNames.TryParseAction(wire, out _));
    }

    [Fact]
    public void EverySheetActionsWireNameParsesBack()
    {
        Assert.All(Unit.SheetActions, a =>
        {
            Assert.True(UnitStatusNames.TryParseAction(a.ToWire(), out var parsed));
            Assert.Equal(a, parsed);
        });
    }
}
