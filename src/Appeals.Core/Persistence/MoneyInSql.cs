using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Appeals.Core.Persistence;

/// <summary>
/// The one way to compare, order or sum money in a query: as whole cents, <c>MoneyInSql.Cents(c.DeniedAmount)</c>.
/// SQLite keeps a decimal as TEXT, so EF refuses to order by it or range-compare it, and as text "9.99" would sort after
/// "10.00". Every <see cref="AppealsDbContext"/> rewrites the call (an interceptor it adds itself), before EF translates the
/// query, into what its provider computes exactly: on SQLite <c>(long)Math.Round((double)amount * 100)</c> (a REAL holds every
/// two-decimal amount exactly enough to round to its cents), elsewhere <c>(long)Math.Round(amount * 100)</c> in the
/// database's own decimal arithmetic. Both are the cents the dashboard rollups store (<c>RollupDialect.Cents</c>, ADR 0051),
/// so a query's sum equals the rollups' sum. The model is unchanged: amounts stay decimal columns.
/// </summary>
public static class MoneyInSql
{
    /// <summary>An amount as whole cents (half away from zero), in a query or in memory.</summary>
    public static long Cents(decimal amount) => (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The fewest whole cents at or above <paramref name="amount"/>: for a stored (two-decimal) amount,
    /// <c>amount &gt;= minimum</c> exactly when <c>Cents(amount) &gt;= CentsAtLeast(minimum)</c>, even for a minimum like 9.995.
    /// </summary>
    public static long CentsAtLeast(decimal amount) => (long)Math.Ceiling(amount * 100m);

    /// <summary>Added by <see cref="AppealsDbContext"/> to every context, however its options were built.</summary>
    internal static IInterceptor Interceptor { get; } = new CentsRewriter();

    /// <summary>Replaces each <see cref="Cents"/> call of a query by an expression the context's provider translates.</summary>
    private sealed class CentsRewriter : IQueryExpressionInterceptor
    {
        private static readonly MethodInfo CentsMethod = typeof(MoneyInSql).GetMethod(nameof(Cents))!;
        private static readonly MethodInfo RoundDouble = typeof(Math).GetMethod(nameof(Math.Round), [typeof(double)])!;
        private static readonly MethodInfo RoundDecimal = typeof(Math).GetMethod(nameof(Math.Round), [typeof(decimal)])!;

        public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
            new Rewrite(throughReal: eventData.Context?.Database.IsSqlite() ?? false).Visit(queryExpression);

        private sealed class Rewrite(bool throughReal) : ExpressionVisitor
        {
            protected override Expression VisitMethodCall(MethodCallExpression node)
            {
                if (node.Method != CentsMethod) return base.VisitMethodCall(node);
                var amount = Visit(node.Arguments[0]);
                // SQLite: CAST(round(CAST(amount AS REAL) * 100.0) AS INTEGER); SQL Server and PostgreSQL: ROUND(amount * 100) as bigint.
                var rounded = throughReal
                    ? Expression.Call(RoundDouble, Expression.Multiply(Expression.Convert(amount, typeof(double)), Expression.Constant(100d)))
                    : Expression.Call(RoundDecimal, Expression.Multiply(amount, Expression.Constant(100m)));
                return Expression.Convert(rounded, typeof(long));
            }
        }
    }
}
