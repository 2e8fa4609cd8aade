using Keeper.Host.Http;
using Xunit;

namespace Keeper.Host.Tests.Http;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Family_AndSamples_ExactExpositionFormat()
    {
        var text = new PrometheusText()
            .Family("http_requests_total", "counter", "The total number of HTTP requests.")
            .Sample("http_requests_total", 1027, ("method", "post"), ("code", "200"))
            .Sample("http_requests_total", 3, ("method", "post"), ("code", "400"))
            .Family("temperature", "gauge", "Line one\\two\nthree")
            .SampleFloat("temperature", -1.5)
            .SampleFloat("temperature", double.NaN, ("room", "a\"b\\c\nd"))
            .ToString();

        // Layout as in the Prometheus "Exposition formats" documentation, text format 0.0.4.
        Assert.Equal(
            "# HELP http_requests_total The total number of HTTP requests.\n"
            + "# TYPE http_requests_total counter\n"
            + "http_requests_total{method=\"post\",code=\"200\"} 1027\n"
            + "http_requests_total{method=\"post\",code=\"400\"} 3\n"
            + "# HELP temperature Line one\\\\two\\nthree\n"
            + "# TYPE temperature gauge\n"
            + "temperature -1.5\n"
            + "temperature{room=\"a\\\"b\\\\c\\nd\"} NaN\n",
            text);
    }

    [Theory]
    [InlineData("1abc", "gauge")]
    [InlineData("a-b", "gauge")]
    [InlineData("ok", "meter")]
    public void Family_InvalidNameOrType_Throws(string name, string type) =>
        Assert.Throws<ArgumentException>(() => new PrometheusText().Family(name, type, "help"));

    [Fact]
    public void Family_Twice_Throws()
    {
        var text = new PrometheusText().Family("a", "gauge", "x");

        Assert.Throws<ArgumentException>(() => text.Family("a", "gauge", "x"));
    }
}
