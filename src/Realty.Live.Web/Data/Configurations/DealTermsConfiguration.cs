using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Data.Configurations;

public sealed class DiscountSchemeConfiguration : IEntityTypeConfiguration<DiscountScheme>
{
    public void Configure(EntityTypeBuilder<DiscountScheme> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(DiscountScheme.MaxNameLength);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Identity).HasMaxLength(40);
        builder.HasIndex(d => d.ProjectId);
        builder.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId);
        builder.HasOne<PaymentPlan>().WithMany().HasForeignKey(d => d.PaymentPlanId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class PaymentPlanConfiguration : IEntityTypeConfiguration<PaymentPlan>
{
    public void Configure(EntityTypeBuilder<PaymentPlan> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(PaymentPlan.MaxNameLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DownPaymentPercent).HasPrecision(5, 2);
        builder.Property(p => p.LoanPercent).HasPrecision(5, 2);
        builder.Property(p => p.FundPercent).HasPrecision(5, 2);
        builder.Property(p => p.Instalments).AsJson();
        builder.HasIndex(p => p.ProjectId);
        builder.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId);
    }
}

public sealed class ReceivableConfiguration : IEntityTypeConfiguration<Receivable>
{
    public void Configure(EntityTypeBuilder<Receivable> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.ProjectId, r.Due });
        builder.HasOne(r => r.Deal).WithMany().HasForeignKey(r => r.DealId);
    }
}

public sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ByName).HasMaxLength(64);
        builder.Property(r => r.Note).HasMaxLength(200);
        builder.HasIndex(r => new { r.ProjectId, r.At });
        builder.HasOne(r => r.Deal).WithMany().HasForeignKey(r => r.DealId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(r => r.Ticket).WithMany().HasForeignKey(r => r.QueueTicketId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class QueueTicketConfiguration : IEntityTypeConfiguration<QueueTicket>
{
    public void Configure(EntityTypeBuilder<QueueTicket> builder)
    {
        builder.Property(t => t.BuyerName).HasMaxLength(CustomerContact.MaxNameLength);
        builder.Property(t => t.BuyerPhone).HasMaxLength(20);
        builder.Property(t => t.AgentId).HasMaxLength(64);
        builder.Property(t => t.AgentName).HasMaxLength(64);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(t => t.Version).IsConcurrencyToken();
        // Two desks issuing at once cannot hand out the same number: the second one tries the next.
        builder.HasIndex(t => new { t.ProjectId, t.IsRehearsal, t.Number }).IsUnique();
        builder.HasIndex(t => new { t.ProjectId, t.BuyerPhone });
        builder.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId);
    }
}

public sealed class OpeningCallConfiguration : IEntityTypeConfiguration<OpeningCall>
{
    public void Configure(EntityTypeBuilder<OpeningCall> builder)
    {
        builder.Property(c => c.CalledBy).HasMaxLength(64);
        builder.HasIndex(c => c.ProjectId);
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId);
    }
}

public sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> builder)
    {
        builder.Property(c => c.UnitCode).HasMaxLength(30);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.NewCustomerName).HasMaxLength(CustomerContact.MaxNameLength);
        builder.Property(c => c.NewCustomerPhone).HasMaxLength(20);
        builder.Property(c => c.NewCoBuyers).HasMaxLength(Deal.MaxCoBuyersLength);
        builder.Property(c => c.Reason).HasMaxLength(ChangeRequest.MaxTextLength);
        builder.Property(c => c.DecisionNote).HasMaxLength(ChangeRequest.MaxTextLength);
        builder.Property(c => c.RequestedById).HasMaxLength(64);
        builder.Property(c => c.RequestedByName).HasMaxLength(64);
        builder.Property(c => c.DecidedByName).HasMaxLength(64);
        builder.Property(c => c.Before).HasMaxLength(400);
        builder.Property(c => c.After).HasMaxLength(400);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsPending);
        builder.HasIndex(c => new { c.ProjectId, c.Status });
        // One open request per deal, whichever node takes it.
        builder.HasIndex(c => c.DealId).IsUnique().HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_ChangeRequests_DealId_Pending");
        builder.HasOne<Deal>().WithMany().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.RecipientId).HasMaxLength(64);
        builder.Property(r => r.UnitCode).HasMaxLength(30);
        builder.Property(r => r.Detail).HasMaxLength(200);
        // A job running on two nodes, or twice, writes a reminder once.
        builder.HasIndex(r => new { r.ProjectId, r.Key }).IsUnique();
        builder.HasIndex(r => new { r.RecipientId, r.ReadAt });
        builder.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId);
    }
}

public sealed class PriceRecordConfiguration : IEntityTypeConfiguration<PriceRecord>
{
    public void Configure(EntityTypeBuilder<PriceRecord> builder)
    {
        builder.Property(p => p.PriceBasis).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.ByName).HasMaxLength(64);
        builder.Property(p => p.Reason).HasMaxLength(PriceRecord.MaxReasonLength);
        builder.HasIndex(p => new { p.UnitId, p.Id });
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.NoAction);
    }
}
