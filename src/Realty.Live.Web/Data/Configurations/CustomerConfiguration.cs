using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Data.Configurations;

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(CustomerContact.MaxNameLength);
        builder.Property(c => c.Mobile).HasMaxLength(16);
        builder.Property(c => c.Channel).HasMaxLength(Customer.MaxChannelLength);
        builder.Property(c => c.FirstContact).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.OwnerId).HasMaxLength(64);
        builder.Property(c => c.OwnerName).HasMaxLength(64);
        builder.Property(c => c.IdNumber).HasMaxLength(18);
        builder.Property(c => c.Budget).HasPrecision(14, 2);
        builder.Property(c => c.WantedLayouts).HasMaxLength(Customer.MaxWishLength);
        builder.Property(c => c.WantedAreas).HasMaxLength(Customer.MaxWishLength);
        builder.Property(c => c.WantedFloors).HasMaxLength(Customer.MaxWishLength);
        builder.Property(c => c.Family).HasMaxLength(Customer.MaxWishLength);
        builder.Property(c => c.Job).HasMaxLength(Customer.MaxWishLength);
        builder.Property(c => c.Email).HasMaxLength(Customer.MaxEmailLength);
        // The last line against two agents registering one mobile at the same moment: one row wins.
        builder.HasIndex(c => new { c.ProjectId, c.Mobile }).IsUnique();
        builder.HasIndex(c => new { c.ProjectId, c.Name });
        builder.HasIndex(c => new { c.ProjectId, c.OwnerId });
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.ProjectId, c.PooledAt });
    }
}

public sealed class ProjectChannelConfiguration : IEntityTypeConfiguration<ProjectChannel>
{
    public void Configure(EntityTypeBuilder<ProjectChannel> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Customer.MaxChannelLength);
        builder.HasIndex(c => new { c.ProjectId, c.Name }).IsUnique();
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId);
    }
}

public sealed class DuplicateAttemptConfiguration : IEntityTypeConfiguration<DuplicateAttempt>
{
    public void Configure(EntityTypeBuilder<DuplicateAttempt> builder)
    {
        builder.Property(d => d.AttemptedById).HasMaxLength(64);
        builder.Property(d => d.AttemptedByName).HasMaxLength(64);
        builder.Property(d => d.TypedName).HasMaxLength(CustomerContact.MaxNameLength);
        builder.HasIndex(d => new { d.ProjectId, d.AttemptedAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(d => d.Resolution).HasConversion<string>().HasMaxLength(12);
        builder.Property(d => d.ResolvedById).HasMaxLength(64);
        builder.Property(d => d.ResolvedByName).HasMaxLength(64);
        builder.Property(d => d.ResolutionNote).HasMaxLength(OwnershipText.MaxLength);
    }
}

public sealed class CustomerInteractionConfiguration : IEntityTypeConfiguration<CustomerInteraction>
{
    public void Configure(EntityTypeBuilder<CustomerInteraction> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.Note).HasMaxLength(CustomerInteraction.MaxNoteLength);
        builder.Property(i => i.UnitCode).HasMaxLength(CustomerInteraction.MaxUnitCodeLength);
        builder.Property(i => i.ById).HasMaxLength(64);
        builder.Property(i => i.ByName).HasMaxLength(64);
        builder.HasIndex(i => new { i.CustomerId, i.At });
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId);
    }
}
