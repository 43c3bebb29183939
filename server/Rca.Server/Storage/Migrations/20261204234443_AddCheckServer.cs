using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rca.Server.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AddCheckServer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Server",
                table: "Checks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Server",
                table: "Checks");
        }
    }
}
