using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rca.Server.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AddCalibrationNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "IncidentId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "CalibrationCheckId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CalibrationCheckId_Channel_Event",
                table: "OutboxMessages",
                columns: new[] { "CalibrationCheckId", "Channel", "Event" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_OutboxMessages_OneSubject",
                table: "OutboxMessages",
                sql: "(\"IncidentId\" IS NULL) <> (\"CalibrationCheckId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMessages_CalibrationChecks_CalibrationCheckId",
                table: "OutboxMessages",
                column: "CalibrationCheckId",
                principalTable: "CalibrationChecks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMessages_CalibrationChecks_CalibrationCheckId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_CalibrationCheckId_Channel_Event",
                table: "OutboxMessages");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OutboxMessages_OneSubject",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "CalibrationCheckId",
                table: "OutboxMessages");

            migrationBuilder.AlterColumn<long>(
                name: "IncidentId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
