using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rca.Server.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Checks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KpiName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeafCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Actual = table.Column<double>(type: "REAL", nullable: true),
                    Forecast = table.Column<double>(type: "REAL", nullable: true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    QueryMilliseconds = table.Column<double>(type: "REAL", nullable: false),
                    ForecastMilliseconds = table.Column<double>(type: "REAL", nullable: false),
                    DetectMilliseconds = table.Column<double>(type: "REAL", nullable: false),
                    LocalizeMilliseconds = table.Column<double>(type: "REAL", nullable: false),
                    StoreMilliseconds = table.Column<double>(type: "REAL", nullable: false),
                    TotalMilliseconds = table.Column<double>(type: "REAL", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KpiName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WindowEnd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actual = table.Column<double>(type: "REAL", nullable: false),
                    Forecast = table.Column<double>(type: "REAL", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    RelativeChange = table.Column<double>(type: "REAL", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LeafCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MinGps = table.Column<double>(type: "REAL", nullable: true),
                    ExternalThreshold = table.Column<double>(type: "REAL", nullable: false),
                    External = table.Column<bool>(type: "INTEGER", nullable: false),
                    RootCause = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Kpis",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kpis", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RootCauseSets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Combinations = table.Column<string>(type: "TEXT", nullable: false),
                    Cuboid = table.Column<string>(type: "TEXT", nullable: false),
                    Layer = table.Column<int>(type: "INTEGER", nullable: false),
                    Gps = table.Column<double>(type: "REAL", nullable: false),
                    RankScore = table.Column<double>(type: "REAL", nullable: false),
                    ClusterMeanDeviation = table.Column<double>(type: "REAL", nullable: false),
                    ExplanatoryPower = table.Column<double>(type: "REAL", nullable: false),
                    Impact = table.Column<double>(type: "REAL", nullable: false),
                    Actual = table.Column<double>(type: "REAL", nullable: false),
                    Forecast = table.Column<double>(type: "REAL", nullable: false),
                    ClusterLeafCount = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "IX_Checks_KpiName_WindowStart",
                table: "Checks",
                columns: new[] { "KpiName", "WindowStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Checks_Status_CheckedAt",
                table: "Checks",
                columns: new[] { "Status", "CheckedAt" });

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
                name: "IX_RootCauseSets_IncidentId_Position",
                table: "RootCauseSets",
                columns: new[] { "IncidentId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Checks");

            migrationBuilder.DropTable(
                name: "Kpis");

            migrationBuilder.DropTable(
                name: "RootCauseSets");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
