using Appeals.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace Appeals.Core.Tests.Persistence;

public sealed class SqliteLibraryTests
{
    [Fact]
    public void OnceSqliteIsInitialised_TheSettingsAreRefused_AndConnectionsGoOnWorking()
    {
        using (var first = new SqliteConnection("Data Source=:memory:"))
            first.Open(); // initialises the library, as the test process's other tests do

        Assert.False(SqliteLibrary.UseOneThreadPerConnection());

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 40 + 2";
        Assert.Equal(42L, command.ExecuteScalar());
    }
}
