using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Appeals.Bench.Dashboard;

/// <summary>
/// Inserts entities with one prepared INSERT per table inside the caller's transaction, columns
/// taken from the EF model so that every NOT NULL column is filled as EF would fill it. Bench only:
/// a million rows through SaveChanges would measure the change tracker, not the dashboard.
/// </summary>
internal sealed class SqliteBulkInsert<T> where T : class
{
    private readonly DbCommand _command;
    private readonly List<(IProperty Property, DbParameter Parameter)> _columns = [];

    public SqliteBulkInsert(DbContext db, DbConnection connection, DbTransaction transaction)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        foreach (var property in entity.GetProperties().Where(p => p.PropertyInfo is not null))
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@p" + _columns.Count;
            _command.Parameters.Add(parameter);
            _columns.Add((property, parameter));
        }
        var names = string.Join(", ", _columns.Select(c => $"\"{c.Property.GetColumnName(store)}\""));
        var values = string.Join(", ", _columns.Select(c => c.Parameter.ParameterName));
        _command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({values})";
        _command.Prepare();
    }

    public void Insert(T row)
    {
        foreach (var (property, parameter) in _columns)
        {
            var value = property.PropertyInfo!.GetValue(row);
            var converter = property.GetTypeMapping().Converter;
            parameter.Value = value switch
            {
                null => DBNull.Value,
                _ when converter is not null => converter.ConvertToProvider(value),
                // EF stores Guid as upper-case TEXT on SQLite.
                Guid guid => guid.ToString().ToUpperInvariant(),
                Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture),
                _ => value,
            };
        }
        _command.ExecuteNonQuery();
    }
}
