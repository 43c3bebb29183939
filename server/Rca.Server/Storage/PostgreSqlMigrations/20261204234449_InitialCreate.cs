using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rca.Server.Storage.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Receiver = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GroupKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LabelsJson = table.Column<string>(type: "text", nullable: false),
                    KpiName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    IncidentId = table.Column<long>(type: "bigint", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KeyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scopes = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalibrationChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ModelName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WindowEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Mature = table.Column<bool>(type: "boolean", nullable: false),
                    Impressions = table.Column<double>(type: "double precision", nullable: false),
                    Labels = table.Column<double>(type: "double precision", nullable: false),
                    PredictionSum = table.Column<double>(type: "double precision", nullable: false),
                    PredictionSquareSum = table.Column<double>(type: "double precision", nullable: true),
                    CalibrationRatio = table.Column<double>(type: "double precision", nullable: true),
                    BucketEce = table.Column<double>(type: "double precision", nullable: true),
                    LabelCompletion = table.Column<double>(type: "double precision", nullable: true),
                    RatioBandLower = table.Column<double>(type: "double precision", nullable: true),
                    RatioBandUpper = table.Column<double>(type: "double precision", nullable: true),
                    RatioBandLearned = table.Column<bool>(type: "boolean", nullable: false),
                    RatioOutOfBand = table.Column<bool>(type: "boolean", nullable: false),
                    ConsecutiveOutOfBand = table.Column<int>(type: "integer", nullable: false),
                    HistoryWindowCount = table.Column<int>(type: "integer", nullable: false),
                    ReliabilityJson = table.Column<string>(type: "text", nullable: false),
                    SegmentSummary = table.Column<string>(type: "text", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Checks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KpiName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LeafCount = table.Column<int>(type: "integer", nullable: false),
                    Actual = table.Column<double>(type: "double precision", nullable: true),
                    Forecast = table.Column<double>(type: "double precision", nullable: true),
                    IncidentId = table.Column<long>(type: "bigint", nullable: true),
                    QueryMilliseconds = table.Column<double>(type: "double precision", nullable: false),
                    ForecastMilliseconds = table.Column<double>(type: "double precision", nullable: false),
                    DetectMilliseconds = table.Column<double>(type: "double precision", nullable: false),
                    LocalizeMilliseconds = table.Column<double>(type: "double precision", nullable: false),
                    StoreMilliseconds = table.Column<double>(type: "double precision", nullable: false),
                    TotalMilliseconds = table.Column<double>(type: "double precision", nullable: false),
                    Server = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KpiName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WindowEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actual = table.Column<double>(type: "double precision", nullable: false),
                    Forecast = table.Column<double>(type: "double precision", nullable: false),
                    Direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    RelativeChange = table.Column<double>(type: "double precision", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LeafCount = table.Column<int>(type: "integer", nullable: false),
                    MinGps = table.Column<double>(type: "double precision", nullable: true),
                    ExternalThreshold = table.Column<double>(type: "double precision", nullable: false),
                    External = table.Column<bool>(type: "boolean", nullable: false),
                    RootCause = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Kpis",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kpis", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Localizations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    KpiName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeafCount = table.Column<int>(type: "integer", nullable: false),
                    Input = table.Column<byte[]>(type: "bytea", nullable: true),
                    ResultJson = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Localizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalibrationFields",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CheckId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FieldEce = table.Column<double>(type: "double precision", nullable: false),
                    FieldRce = table.Column<double>(type: "double precision", nullable: false),
                    BandLower = table.Column<double>(type: "double precision", nullable: true),
                    BandUpper = table.Column<double>(type: "double precision", nullable: true),
                    BandLearned = table.Column<bool>(type: "boolean", nullable: false),
                    OutOfBand = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationFields_CalibrationChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "CalibrationChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CalibrationSegments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CheckId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Segment = table.Column<string>(type: "text", nullable: false),
                    Layer = table.Column<int>(type: "integer", nullable: false),
                    Impressions = table.Column<double>(type: "double precision", nullable: false),
                    Labels = table.Column<double>(type: "double precision", nullable: false),
                    PredictionSum = table.Column<double>(type: "double precision", nullable: false),
                    Z = table.Column<double>(type: "double precision", nullable: false),
                    RelativeError = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationSegments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationSegments_CalibrationChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "CalibrationChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RootCause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentFeedback_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentLeafSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    LeafCount = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentLeafSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentLeafSnapshots_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentStatusChanges_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: true),
                    CalibrationCheckId = table.Column<long>(type: "bigint", nullable: true),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Event = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeaseId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.CheckConstraint("CK_OutboxMessages_OneSubject", "(\"IncidentId\" IS NULL) <> (\"CalibrationCheckId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_OutboxMessages_CalibrationChecks_CalibrationCheckId",
                        column: x => x.CalibrationCheckId,
                        principalTable: "CalibrationChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RootCauseSets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Combinations = table.Column<string>(type: "text", nullable: false),
                    Cuboid = table.Column<string>(type: "text", nullable: false),
                    Layer = table.Column<int>(type: "integer", nullable: false),
                    Gps = table.Column<double>(type: "double precision", nullable: false),
                    RankScore = table.Column<double>(type: "double precision", nullable: false),
                    ClusterMeanDeviation = table.Column<double>(type: "double precision", nullable: false),
                    ExplanatoryPower = table.Column<double>(type: "double precision", nullable: false),
                    Impact = table.Column<double>(type: "double precision", nullable: false),
                    Actual = table.Column<double>(type: "double precision", nullable: false),
                    Forecast = table.Column<double>(type: "double precision", nullable: false),
                    ClusterLeafCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RootCauseSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RootCauseSets_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_KpiName_WindowStart",
                table: "Alerts",
                columns: new[] { "KpiName", "WindowStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Source_GroupKey_Fingerprint_Status_StartsAt",
                table: "Alerts",
                columns: new[] { "Source", "GroupKey", "Fingerprint", "Status", "StartsAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_KeyId",
                table: "ApiKeys",
                column: "KeyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationChecks_ModelName_State",
                table: "CalibrationChecks",
                columns: new[] { "ModelName", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationChecks_ModelName_WindowStart",
                table: "CalibrationChecks",
                columns: new[] { "ModelName", "WindowStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationFields_CheckId_Position",
                table: "CalibrationFields",
                columns: new[] { "CheckId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationSegments_CheckId_Position",
                table: "CalibrationSegments",
                columns: new[] { "CheckId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Checks_KpiName_WindowStart",
                table: "Checks",
                columns: new[] { "KpiName", "WindowStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Checks_Status_CheckedAt",
                table: "Checks",
                columns: new[] { "Status", "CheckedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFeedback_IncidentId",
                table: "IncidentFeedback",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentLeafSnapshots_IncidentId",
                table: "IncidentLeafSnapshots",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentStatusChanges_IncidentId_ChangedAt",
                table: "IncidentStatusChanges",
                columns: new[] { "IncidentId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_KpiName_WindowStart",
                table: "Incidents",
                columns: new[] { "KpiName", "WindowStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_WindowStart",
                table: "Incidents",
                column: "WindowStart");

            migrationBuilder.CreateIndex(
                name: "IX_Kpis_Name",
                table: "Kpis",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CalibrationCheckId_Channel_Event",
                table: "OutboxMessages",
                columns: new[] { "CalibrationCheckId", "Channel", "Event" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_IncidentId_Channel_Event",
                table: "OutboxMessages",
                columns: new[] { "IncidentId", "Channel", "Event" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RootCauseSets_IncidentId_Position",
                table: "RootCauseSets",
                columns: new[] { "IncidentId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "CalibrationFields");

            migrationBuilder.DropTable(
                name: "CalibrationSegments");

            migrationBuilder.DropTable(
                name: "Checks");

            migrationBuilder.DropTable(
                name: "IncidentFeedback");

            migrationBuilder.DropTable(
                name: "IncidentLeafSnapshots");

            migrationBuilder.DropTable(
                name: "IncidentStatusChanges");

            migrationBuilder.DropTable(
                name: "Kpis");

            migrationBuilder.DropTable(
                name: "Localizations");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "RootCauseSets");

            migrationBuilder.DropTable(
                name: "CalibrationChecks");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
