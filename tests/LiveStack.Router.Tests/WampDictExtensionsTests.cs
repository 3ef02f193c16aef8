using LiveStack.Wamp;

namespace LiveStack.Router.Tests;

public class WampDictExtensionsTests
{
    [Theory]
    [InlineData(5L, 5L)]
    [InlineData(4294967296.0, 4294967296L)] // what cbor-x and msgpackr write for a JavaScript number above 2^32
    [InlineData(9007199254740992.0, WampIds.Max)]
    [InlineData(1.5, null)]
    [InlineData(9007199254740994.0, null)]
    [InlineData("5", null)]
    public void IntegersMayArriveAsWholeDoubles(object value, long? expected) =>
        Assert.Equal(expected, WampDictExtensions.AsInteger(value));

    [Fact]
    public void SessionListsAcceptDoublesAndIgnoreJunk()
    {
        var options = new Dictionary<string, object?> { ["exclude"] = new List<object?> { 7L, 8.0, "x", 2.5 } };

        Assert.Equal(new HashSet<long> { 7, 8 }, options.GetLongSet("exclude"));
        Assert.Null(options.GetLongSet("eligible"));
    }
}
