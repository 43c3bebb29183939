using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rca.Server.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AddCalibrationChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalibrationChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WindowEnd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Mature = table.Column<bool>(type: "INTEGER", nullable: false),
                    Impressions = table.Column<double>(type: "REAL", nullable: false),
                    Labels = table.Column<double>(type: "REAL", nullable: false),
                    PredictionSum = table.Column<double>(type: "REAL", nullable: false),
                    PredictionSquareSum = table.Column<double>(type: "REAL", nullable: true),
                    CalibrationRatio = table.Column<double>(type: "REAL", nullable: true),
                    BucketEce = table.Column<double>(type: "REAL", nullable: true),
                    LabelCompletion = table.Column<double>(type: "REAL", nullable: true),
                    RatioBandLower = table.Column<double>(type: "REAL", nullable: true),
                    RatioBandUpper = table.Column<double>(type: "REAL", nullable: true),
                    RatioBandLearned = table.Column<bool>(type: "INTEGER", nullable: false),
                    RatioOutOfBand = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsecutiveOutOfBand = table.Column<int>(type: "INTEGER", nullable: false),
                    HistoryWindowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReliabilityJson = table.Column<string>(type: "TEXT", nullable: false),
                    SegmentSummary = table.Column<string>(type: "TEXT", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalibrationFields",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FieldEce = table.Column<double>(type: "REAL", nullable: false),
                    FieldRce = table.Column<double>(type: "REAL", nullable: false),
                    BandLower = table.Column<double>(type: "REAL", nullable: true),
                    BandUpper = table.Column<double>(type: "REAL", nullable: true),
                    BandLearned = table.Column<bool>(type: "INTEGER", nullable: false),
                    OutOfBand = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Segment = table.Column<string>(type: "TEXT", nullable: false),
                    Layer = table.Column<int>(type: "INTEGER", nullable: false),
                    Impressions = table.Column<double>(type: "REAL", nullable: false),
                    Labels = table.Column<double>(type: "REAL", nullable: false),
                    PredictionSum = table.Column<double>(type: "REAL", nullable: false),
                    Z = table.Column<double>(type: "REAL", nullable: false),
                    RelativeError = table.Column<double>(type: "REAL", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalibrationFields");

            migrationBuilder.DropTable(
                name: "CalibrationSegments");

            migrationBuilder.DropTable(
                name: "CalibrationChecks");
        }
    }
}
