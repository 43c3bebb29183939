using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rca.Server.Calibration;

/// <summary>The tables of calibration checks: CalibrationChecks with its fields and segments.</summary>
internal sealed class CalibrationCheckConfiguration : IEntityTypeConfiguration<CalibrationCheckRecord>
{
    // Every timestamp is UTC; reading it back marks it so, which PostgreSQL's timestamptz requires.
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public void Configure(EntityTypeBuilder<CalibrationCheckRecord> check)
    {
        check.ToTable("CalibrationChecks");
        check.HasIndex(c => new { c.ModelName, c.WindowStart }).IsUnique();
        check.HasIndex(c => new { c.ModelName, c.State });
        check.Property(c => c.ModelName).HasMaxLength(200);
        check.Property(c => c.State).HasMaxLength(24);
        check.Property(c => c.WindowStart).HasConversion(Utc);
        check.Property(c => c.WindowEnd).HasConversion(Utc);
        check.Property(c => c.CheckedAt).HasConversion(Utc);
        check.HasMany(c => c.Fields).WithOne().HasForeignKey(f => f.CheckId).OnDelete(DeleteBehavior.Cascade);
        check.HasMany(c => c.Segments).WithOne().HasForeignKey(s => s.CheckId).OnDelete(DeleteBehavior.Cascade);
    }
}
