using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rca.Server.Calibration;

/// <summary>The table of per-field metrics of calibration checks.</summary>
internal sealed class CalibrationFieldConfiguration : IEntityTypeConfiguration<CalibrationFieldRecord>
{
    public void Configure(EntityTypeBuilder<CalibrationFieldRecord> field)
    {
        field.ToTable("CalibrationFields");
        field.HasIndex(f => new { f.CheckId, f.Position }).IsUnique();
        field.Property(f => f.Field).HasMaxLength(200);
    }
}
