using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Realty.Live.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DealFloorPrices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Deals struck before deals had their own floor price keep their unit's.
            migrationBuilder.Sql("UPDATE \"Deals\" SET \"FloorPrice\" = (SELECT \"FloorPrice\" FROM \"Units\" WHERE \"Units\".\"Id\" = \"Deals\".\"UnitId\") WHERE \"FloorPrice\" = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
