using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rca.Server.Calibration;

/// <summary>The table of localized segments of calibration checks.</summary>
internal sealed class CalibrationSegmentConfiguration : IEntityTypeConfiguration<CalibrationSegmentRecord>
{
    public void Configure(EntityTypeBuilder<CalibrationSegmentRecord> segment)
    {
        segment.ToTable("CalibrationSegments");
        segment.HasIndex(s => new { s.CheckId, s.Position }).IsUnique();
    }
}
