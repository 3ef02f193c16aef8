namespace LiveStack.Client.Tests;

public class WampConvertTests
{
    private sealed record Point(int X, int Y);

    [Fact]
    public void Objects_round_trip_through_the_neutral_tree_in_camel_case()
    {
        var neutral = WampConvert.ToWamp(new Point(1, 2));

        var dictionary = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(neutral);
        Assert.Equal(1L, dictionary["x"]);
        Assert.Equal(new Point(1, 2), WampConvert.FromWamp<Point>(neutral));
    }

    [Fact]
    public void Integers_narrow_with_a_range_check()
    {
        Assert.Equal(7, WampConvert.FromWamp<int>(7L));
        Assert.Equal(3, WampConvert.FromWamp<int>(3.0));
        Assert.Throws<System.Text.Json.JsonException>(() => WampConvert.FromWamp<int>(long.MaxValue));
        Assert.Throws<System.Text.Json.JsonException>(() => WampConvert.FromWamp<int>(null));
    }

    [Fact]
    public void Binary_values_bind_to_byte_arrays_inside_objects()
    {
        var neutral = new Dictionary<string, object?> { ["data"] = new byte[] { 1, 2, 3 } };

        Assert.Equal(new byte[] { 1, 2, 3 }, WampConvert.FromWamp<Blob>(neutral)!.Data);
    }

    private sealed record Blob(byte[] Data);
}
