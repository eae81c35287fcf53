using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class QueueTicketTests
{
    private static readonly DateTime Now = Moments.Start;

    [Fact]
    public void ATicketKeepsItsBuyerAndTheDepositToTheFen()
    {
        var ticket = new QueueTicket(1, 18, Customers.Zhang, 49_999.995m, People.Wang, Now, isRehearsal: false);

        Assert.Equal((18, Customers.ZhangName, Customers.ZhangPhone, 50_000m, TicketStatus.Active, People.Wang.Name, 1),
            (ticket.Number, ticket.BuyerName, ticket.BuyerPhone, ticket.Amount, ticket.Status, ticket.AgentName, ticket.Version));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-100")]
    [InlineData("0.004")]
    [InlineData("1000000000.01")]
    public void ADepositOfNothingOrAnAbsurdAmountIsRefused(string amount)
    {
        var error = Assert.Throws<DomainException>(() =>
            new QueueTicket(1, 1, Customers.Zhang, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), People.Wang, Now, isRehearsal: false));

        Assert.Equal("ticket.amount.range", error.Key);
    }

    [Fact]
    public void ARefundPaysTheDepositBackAsANegativeReceipt()
    {
        var ticket = new QueueTicket(1, 18, Customers.Zhang, 50_000m, People.Wang, Now, isRehearsal: false);

        var refund = ticket.Refund(People.Li, Now.AddDays(1), hasDeals: false);

        Assert.Equal((ReceiptKind.Refund, -50_000m, People.Li.Name, "#18"), (refund.Kind, refund.Amount, refund.ByName, refund.Note));
        Assert.Equal((TicketStatus.Refunded, Now.AddDays(1), 2), (ticket.Status, ticket.RefundedAt, ticket.Version));
    }

    [Fact]
    public void ATicketIsRefundedOnceAndNotWhileItHasADeal()
    {
        var refunded = new QueueTicket(1, 18, Customers.Zhang, 50_000m, People.Wang, Now, isRehearsal: false);
        refunded.Refund(People.Li, Now, hasDeals: false);
        var inDeal = new QueueTicket(1, 19, Customers.Zhao, 50_000m, People.Wang, Now, isRehearsal: false);

        var twice = Assert.Throws<DomainException>(() => refunded.Refund(People.Li, Now, hasDeals: false));
        var withDeal = Assert.Throws<DomainException>(() => inDeal.Refund(People.Li, Now, hasDeals: true));

        Assert.Equal(("ticket.alreadyRefunded", "ticket.hasDeals"), (twice.Key, withDeal.Key));
        Assert.Equal((TicketStatus.Active, 1), (inDeal.Status, inDeal.Version));
    }

    [Theory]
    [InlineData(0, 5, "opening.call.range")]
    [InlineData(6, 5, "opening.call.range")]
    [InlineData(1, 201, "opening.call.tooMany")]
    public void ACallIsOfOneToTwoHundredNumbersInOrder(int from, int to, string key)
    {
        Assert.Equal(key, Assert.Throws<DomainException>(() => new OpeningCall(1, from, to, People.Chen, Now, isRehearsal: false)).Key);
    }

    [Fact]
    public void ACallCoversItsNumbersFromFirstToLast()
    {
        var call = new OpeningCall(1, 11, 210, People.Chen, Now, isRehearsal: false);

        Assert.Equal([false, true, true, false], new[] { 10, 11, 210, 211 }.Select(call.Covers));
    }
}
