using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rca.Server.Storage;

/// <summary>
/// The tables of the REST API, webhooks and notifications: API keys, incident feedback and
/// status history, leaf snapshots, ad-hoc localizations, received alerts and the notification
/// outbox of incidents and calibration checks.
/// </summary>
internal static class ApiStorageModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        var utc = new ValueConverter<DateTime, DateTime>(
            value => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
        var utcOrNull = new ValueConverter<DateTime?, DateTime?>(
            value => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : null,
            value => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : null);

        modelBuilder.Entity<ApiKeyRecord>(key =>
        {
            key.ToTable("ApiKeys");
            key.HasIndex(k => k.KeyId).IsUnique();
            key.Property(k => k.KeyId).HasMaxLength(32);
            key.Property(k => k.Name).HasMaxLength(200);
            key.Property(k => k.Scopes).HasMaxLength(64);
            key.Property(k => k.CreatedAt).HasConversion(utc);
            key.Property(k => k.LastUsedAt).HasConversion(utcOrNull);
        });

        modelBuilder.Entity<IncidentFeedbackRecord>(feedback =>
        {
            feedback.ToTable("IncidentFeedback");
            feedback.HasIndex(f => f.IncidentId).IsUnique();
            feedback.Property(f => f.Verdict).HasMaxLength(16);
            feedback.Property(f => f.RootCause).HasMaxLength(4000);
            feedback.Property(f => f.Comment).HasMaxLength(4000);
            feedback.Property(f => f.Author).HasMaxLength(200);
            feedback.Property(f => f.CreatedAt).HasConversion(utc);
            feedback.HasOne<IncidentRecord>().WithMany().HasForeignKey(f => f.IncidentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IncidentStatusChangeRecord>(change =>
        {
            change.ToTable("IncidentStatusChanges");
            change.HasIndex(c => new { c.IncidentId, c.ChangedAt });
            change.Property(c => c.From).HasMaxLength(16);
            change.Property(c => c.To).HasMaxLength(16);
            change.Property(c => c.Actor).HasMaxLength(200);
            change.Property(c => c.Comment).HasMaxLength(4000);
            change.Property(c => c.ChangedAt).HasConversion(utc);
            change.HasOne<IncidentRecord>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IncidentLeafSnapshotRecord>(snapshot =>
        {
            snapshot.ToTable("IncidentLeafSnapshots");
            snapshot.HasIndex(s => s.IncidentId).IsUnique();
            snapshot.HasOne(s => s.Incident).WithMany().HasForeignKey(s => s.IncidentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LocalizationRecord>(localization =>
        {
            localization.ToTable("Localizations");
            localization.Property(l => l.Status).HasMaxLength(16);
            localization.Property(l => l.KpiName).HasMaxLength(200);
            localization.Property(l => l.RequestedBy).HasMaxLength(200);
            localization.Property(l => l.WindowStart).HasConversion(utcOrNull);
            localization.Property(l => l.CreatedAt).HasConversion(utc);
            localization.Property(l => l.FinishedAt).HasConversion(utcOrNull);
        });

        modelBuilder.Entity<AlertRecord>(alert =>
        {
            alert.ToTable("Alerts");
            alert.HasIndex(a => new { a.Source, a.GroupKey, a.Fingerprint, a.Status, a.StartsAt }).IsUnique();
            alert.HasIndex(a => new { a.KpiName, a.WindowStart });
            alert.Property(a => a.Source).HasMaxLength(16);
            alert.Property(a => a.Receiver).HasMaxLength(200);
            alert.Property(a => a.GroupKey).HasMaxLength(1000);
            alert.Property(a => a.Fingerprint).HasMaxLength(200);
            alert.Property(a => a.Status).HasMaxLength(16);
            alert.Property(a => a.KpiName).HasMaxLength(200);
            alert.Property(a => a.Outcome).HasMaxLength(16);
            alert.Property(a => a.StartsAt).HasConversion(utc);
            alert.Property(a => a.EndsAt).HasConversion(utcOrNull);
            alert.Property(a => a.WindowStart).HasConversion(utcOrNull);
            alert.Property(a => a.ReceivedAt).HasConversion(utc);
            alert.Property(a => a.ProcessedAt).HasConversion(utcOrNull);
        });

        modelBuilder.Entity<OutboxMessageRecord>(message =>
        {
            // A message reports exactly one subject: an incident or a calibration check.
            message.ToTable("OutboxMessages", table => table.HasCheckConstraint(
                "CK_OutboxMessages_OneSubject", "(\"IncidentId\" IS NULL) <> (\"CalibrationCheckId\" IS NULL)"));
            message.HasIndex(m => new { m.IncidentId, m.Channel, m.Event }).IsUnique();
            message.HasIndex(m => new { m.CalibrationCheckId, m.Channel, m.Event }).IsUnique();
            message.HasIndex(m => new { m.Status, m.NextAttemptAt });
            message.Property(m => m.Channel).HasMaxLength(200);
            message.Property(m => m.Event).HasMaxLength(32);
            message.Property(m => m.Status).HasMaxLength(16);
            message.Property(m => m.LeaseId).HasMaxLength(64);
            message.Property(m => m.NextAttemptAt).HasConversion(utc);
            message.Property(m => m.LeaseUntil).HasConversion(utcOrNull);
            message.Property(m => m.CreatedAt).HasConversion(utc);
            message.Property(m => m.DeliveredAt).HasConversion(utcOrNull);
            message.HasOne(m => m.Incident).WithMany().HasForeignKey(m => m.IncidentId).OnDelete(DeleteBehavior.Cascade);
            message.HasOne(m => m.CalibrationCheck).WithMany().HasForeignKey(m => m.CalibrationCheckId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
