namespace LiveStack.Client.Tests;

public class WampConvertTests
{
    private sealed record Point(int X, int Y);

    [Fact]
    public void ObjectsRoundTripThroughTheNeutralTreeInCamelCase()
    {
        var neutral = WampConvert.ToWamp(new Point(1, 2));

        var dictionary = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(neutral);
        Assert.Equal(1L, dictionary["x"]);
        Assert.Equal(new Point(1, 2), WampConvert.FromWamp<Point>(neutral));
    }

    [Fact]
    public void IntegersNarrowWithARangeCheck()
    {
        Assert.Equal(7, WampConvert.FromWamp<int>(7L));
        Assert.Equal(3, WampConvert.FromWamp<int>(3.0));
        Assert.Throws<System.Text.Json.JsonException>(() => WampConvert.FromWamp<int>(long.MaxValue));
        Assert.Throws<System.Text.Json.JsonException>(() => WampConvert.FromWamp<int>(null));
    }

    [Fact]
    public void BinaryValuesBindToByteArraysInsideObjects()
    {
        var neutral = new Dictionary<string, object?> { ["data"] = new byte[] { 1, 2, 3 } };

        Assert.Equal(new byte[] { 1, 2, 3 }, WampConvert.FromWamp<Blob>(neutral)!.Data);
    }

    private sealed record Blob(byte[] Data);
}
