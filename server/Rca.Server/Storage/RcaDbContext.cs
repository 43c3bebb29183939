using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rca.Server.Calibration;

namespace Rca.Server.Storage;

/// <summary>
/// The incident store: KPI definitions, check records, incidents and their root-cause sets.
/// The model uses only types every relational provider maps; provider choice lives in
/// <see cref="StorageServiceCollectionExtensions"/>. This type runs on SQLite and owns the
/// migrations in Storage/Migrations; <see cref="PostgreSqlRcaDbContext"/> owns the PostgreSQL ones.
/// </summary>
internal class RcaDbContext : DbContext
{
    public RcaDbContext(DbContextOptions<RcaDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider-specific subclass, whose migrations EF Core finds by its own type.</summary>
    protected RcaDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<KpiRecord> Kpis => Set<KpiRecord>();

    public DbSet<CheckRecord> Checks => Set<CheckRecord>();

    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    public DbSet<RootCauseSetRecord> RootCauseSets => Set<RootCauseSetRecord>();

    public DbSet<CalibrationCheckRecord> CalibrationChecks => Set<CalibrationCheckRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Every timestamp is UTC; reading it back marks it so, which PostgreSQL's timestamptz requires.
        var utc = new ValueConverter<DateTime, DateTime>(
            value => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

        modelBuilder.Entity<KpiRecord>(kpi =>
        {
            kpi.ToTable("Kpis");
            kpi.HasIndex(k => k.Name).IsUnique();
            kpi.Property(k => k.Name).HasMaxLength(200);
            kpi.Property(k => k.UpdatedAt).HasConversion(utc);
        });

        modelBuilder.Entity<CheckRecord>(check =>
        {
            check.ToTable("Checks");
            check.HasIndex(c => new { c.KpiName, c.WindowStart }).IsUnique();
            check.HasIndex(c => new { c.Status, c.CheckedAt });
            check.Property(c => c.KpiName).HasMaxLength(200);
            check.Property(c => c.Status).HasMaxLength(16);
            check.Property(c => c.Trigger).HasMaxLength(16);
            check.Property(c => c.Server).HasMaxLength(200);
            check.Property(c => c.WindowStart).HasConversion(utc);
            check.Property(c => c.CheckedAt).HasConversion(utc);
        });

        modelBuilder.Entity<IncidentRecord>(incident =>
        {
            incident.ToTable("Incidents");
            incident.HasIndex(i => new { i.KpiName, i.WindowStart }).IsUnique();
            incident.HasIndex(i => i.WindowStart);
            incident.Property(i => i.KpiName).HasMaxLength(200);
            incident.Property(i => i.Direction).HasMaxLength(8);
            incident.Property(i => i.Trigger).HasMaxLength(16);
            incident.Property(i => i.Status).HasMaxLength(16);
            incident.Property(i => i.WindowStart).HasConversion(utc);
            incident.Property(i => i.WindowEnd).HasConversion(utc);
            incident.Property(i => i.CreatedAt).HasConversion(utc);
            incident.HasMany(i => i.RootCauseSets)
                .WithOne()
                .HasForeignKey(set => set.IncidentId)
                .OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RootCauseSetRecord>(set =>
        {
            set.ToTable("RootCauseSets");
            set.HasIndex(s => new { s.IncidentId, s.Position }).IsUnique();
        });

        modelBuilder.ApplyConfiguration(new CalibrationCheckConfiguration());
        modelBuilder.ApplyConfiguration(new CalibrationFieldConfiguration());
        modelBuilder.ApplyConfiguration(new CalibrationSegmentConfiguration());

        ApiStorageModel.Configure(modelBuilder);
    }
}
