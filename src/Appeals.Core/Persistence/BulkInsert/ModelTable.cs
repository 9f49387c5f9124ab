using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// One entity's table as the EF model maps it: name, key column, and every mapped column with a
/// compiled getter and the model's value converter, so the bulk writers follow the schema.
/// </summary>
internal sealed class ModelTable<T> where T : class
{
    public ModelTable(IEntityType entity, ISqlGenerationHelper sql)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Table = sql.DelimitIdentifier(table.Name, table.Schema);
        Key = sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties[0].GetColumnName(table)!);
        Columns = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.GetColumnName(table) is not null)
            .Select(p => new ModelColumn<T>(p, sql.DelimitIdentifier(p.GetColumnName(table)!)))
            .ToArray();
    }

    /// <summary>The delimited table name.</summary>
    public string Table { get; }
    /// <summary>The delimited primary key column.</summary>
    public string Key { get; }
    public ModelColumn<T>[] Columns { get; }

    public string InsertSql(int rows)
    {
        var names = string.Join(", ", Columns.Select(c => c.Name));
        var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Columns.Select((_, c) => $"@p{r}_{c}")) + ")");
        return $"INSERT INTO {Table} ({names}) VALUES {string.Join(", ", values)}";
    }
}

/// <summary>One mapped column: reads the provider value (after the model's converter) from an entity.</summary>
internal sealed class ModelColumn<T>
{
    private readonly Func<T, object?> _get;
    private readonly ValueConverter? _converter;

    public ModelColumn(IProperty property, string name)
    {
        Property = property;
        Name = name;
        Nullable = property.IsNullable;
        Mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        _converter = Mapping.Converter;
        SealedSlot = Privacy.SealedClaimPhi.SlotOf(property);
        _get = Getters.GetOrAdd(property.PropertyInfo!, Getter);
    }

    // Compiling a getter costs about a millisecond of JIT: an inserter made for each batch of cases paid it for every column
    // every time. A getter depends only on the property, so one per property per process is enough.
    private static readonly ConcurrentDictionary<PropertyInfo, Func<T, object?>> Getters = new();

    private static Func<T, object?> Getter(PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(T));
        var read = Expression.Convert(Expression.Property(entity, property), typeof(object));
        return Expression.Lambda<Func<T, object?>>(read, entity).Compile();
    }

    public IProperty Property { get; }
    /// <summary>The delimited column name.</summary>
    public string Name { get; }
    public bool Nullable { get; }
    public RelationalTypeMapping Mapping { get; }
    /// <summary>Where a <see cref="Privacy.SealedClaimPhi"/> holds this column's encrypted value; -1 for other columns.</summary>
    public int SealedSlot { get; }

    /// <summary>The provider value of row <paramref name="row"/>: already encrypted when sealed, else through the model's converter.</summary>
    public object? Read(T entity, int row, Privacy.SealedClaimPhi? sealedPhi) =>
        sealedPhi is not null && SealedSlot >= 0 ? sealedPhi.Get(row, SealedSlot) : Read(entity);

    public object? Read(T entity)
    {
        var value = _get(entity);
        return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
    }
}
