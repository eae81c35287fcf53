using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class CustomerFunnelTests
{
    [Theory]
    [InlineData(new UnitStatus[] { UnitStatus.Held }, FunnelStage.Interested)]
    [InlineData(new[] { UnitStatus.Deposited }, FunnelStage.Deposited)]
    [InlineData(new[] { UnitStatus.Subscribed }, FunnelStage.Subscribed)]
    [InlineData(new[] { UnitStatus.Signed }, FunnelStage.Signed)]
    [InlineData(new[] { UnitStatus.Held, UnitStatus.Signed, UnitStatus.Deposited }, FunnelStage.Signed)]
    [InlineData(new[] { UnitStatus.Deposited, UnitStatus.Held }, FunnelStage.Deposited)]
    [InlineData(new UnitStatus[0], FunnelStage.Interested)]
    public void ThePotentialCustomerTakesTheFurthestStepOfTheirOpenDeals(UnitStatus[] openDeals, FunnelStage stage)
    {
        var customer = Potential();

        customer.FollowDeals(openDeals);

        Assert.Equal(stage, customer.Stage);
    }

    [Fact]
    public void WhenTheLastDealClosesTheCustomerFallsBackToInterestedNotPotential()
    {
        var customer = Potential();
        customer.FollowDeals([UnitStatus.Subscribed]);

        customer.FollowDeals([]);

        Assert.Equal(FunnelStage.Interested, customer.Stage);
    }

    private static Customer Potential() =>
        Customer.Register(1, Customers.Zhang, "老带新", ["老带新"], FirstContact.WalkIn, People.Wang, Moments.Start);
}
