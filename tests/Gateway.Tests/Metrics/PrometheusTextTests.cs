namespace OrleansGame.Gateway.Tests.Metrics;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Parse_SeriesWithLabelsAndTimestamps_SumsMatchingSeries()
    {
        const string Text = """
            # TYPE orleansgame_messages_received_total counter
            orleansgame_messages_received_total{otel_scope_name="OrleansGame.Gateway",type="input"} 46 1732550000000
            orleansgame_messages_received_total{otel_scope_name="OrleansGame.Gateway",type="chat"} 4
            orleansgame_room_tick_duration_milliseconds_bucket{le="+Inf"} 12
            escaped{text="a \"quoted\" \\ value"} 1.5e3
            # EOF
            """;

        var parsed = PrometheusText.Parse(Text);

        Assert.Equal(50, parsed.Sum("orleansgame_messages_received_total"));
        Assert.Equal(46, parsed.Sum("orleansgame_messages_received_total", ("type", "input")));
        Assert.Equal(0, parsed.Sum("orleansgame_messages_received_total", ("type", "pong")));
        Assert.Equal(12, parsed.Sum("orleansgame_room_tick_duration_milliseconds_bucket", ("le", "+Inf")));
        Assert.Equal("a \"quoted\" \\ value", parsed.Samples.Single(s => s.Name == "escaped").Labels["text"]);
        Assert.Equal(1500, parsed.Sum("escaped"));
    }
}
