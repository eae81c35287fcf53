using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Data.Configurations;

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Phase).HasMaxLength(50);
        builder.Property(p => p.TimeZoneId).HasMaxLength(64);
        builder.Property(p => p.Opening).HasConversion<string>().HasMaxLength(12);
        builder.Ignore(p => p.TimeZone);
        builder.HasMany(p => p.Buildings).WithOne().HasForeignKey(b => b.ProjectId);
        builder.HasMany(p => p.Layouts).WithOne().HasForeignKey(l => l.ProjectId);
    }
}

public sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(30);
        builder.HasMany(b => b.Units).WithOne(u => u.Building).HasForeignKey(u => u.BuildingId);
    }
}

public sealed class LayoutConfiguration : IEntityTypeConfiguration<Layout>
{
    public void Configure(EntityTypeBuilder<Layout> builder)
    {
        builder.Property(l => l.Code).HasMaxLength(10);
        builder.Property(l => l.Name).HasMaxLength(40);
    }
}
