namespace Rca.Server.Tests.Dashboards;

public sealed class PromQlMetricNamesTests
{
    [Fact]
    public void Extract_Quantile_ReturnsBucketSeries()
    {
        var names = PromQlMetricNames.Extract(
            "histogram_quantile(0.95, sum by (le, kpi) (rate(rca_check_duration_seconds_bucket{kpi=~\"$kpi\",result!=\"failed\"}[$__rate_interval])))");

        Assert.Equal(["rca_check_duration_seconds_bucket"], names);
    }

    [Fact]
    public void Extract_BinaryExpression_ReturnsBothSides()
    {
        var names = PromQlMetricNames.Extract(
            "sum without (instance) (rate(a_sum[5m] offset 1h)) / on (job) group_left (kpi) sum(rate(b_count[5m])) * 60 > bool 1e3");

        Assert.Equal(["a_sum", "b_count"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FromLabelValuesQuery_ReturnsMetric()
    {
        Assert.Equal("rca_checks_total", PromQlMetricNames.FromLabelValuesQuery("label_values(rca_checks_total, kpi)"));
        Assert.Null(PromQlMetricNames.FromLabelValuesQuery("label_values(kpi)"));
    }
}
