namespace LiveStack.Wamp.Tests;

/// <summary>The URI rules of WAMP.md §1.3: loose (MUST), strict (SHOULD), empty components for patterns, and the reserved prefix.</summary>
public sealed class WampUriTests
{
    [Theory]
    [InlineData("com.myapp.topic1")]
    [InlineData("a")]
    [InlineData("com.MyApp.Topic")]
    [InlineData("com.my-app.topic$1")]
    [InlineData("com.café.événement")]
    [InlineData("wamp.session.on_join")]
    public void LooseAcceptsComponentsWithoutDotsHashesOrWhitespace(string uri) => Assert.True(WampUri.IsValid(uri));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("com..topic")]
    [InlineData(".com.topic")]
    [InlineData("com.topic.")]
    [InlineData("com.my topic")]
    [InlineData("com.my\ttopic")]
    [InlineData("com.topic\n")]
    [InlineData("com.my\u00a0topic")]
    [InlineData("com.topic#1")]
    [InlineData("#")]
    public void LooseRefusesEmptyComponentsHashesAndWhitespace(string uri) => Assert.False(WampUri.IsValid(uri));

    [Fact]
    public void NullIsNeverValid()
    {
        Assert.False(WampUri.IsValid(null));
        Assert.False(WampUri.IsValid(null, allowEmptyComponents: true));
    }

    [Theory]
    [InlineData("com.myapp.topic_1", true)]
    [InlineData("0.9.z_", true)]
    [InlineData("com.MyApp.topic", false)]
    [InlineData("com.my-app.topic", false)]
    [InlineData("com.café.topic", false)]
    [InlineData("com..topic", false)]
    [InlineData("com.my topic", false)]
    public void StrictAllowsOnlyLowercaseDigitsAndUnderscore(string uri, bool valid) => Assert.Equal(valid, WampUri.IsValid(uri, strict: true));

    [Theory]
    [InlineData("com..topic")]
    [InlineData(".topic")]
    [InlineData("com.myapp.")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("com.myapp.topic")]
    public void PatternsMayHaveEmptyComponents(string uri) => Assert.True(WampUri.IsValid(uri, allowEmptyComponents: true));

    [Theory]
    [InlineData("com..my topic")]
    [InlineData("com..#")]
    [InlineData("com. .topic")]
    public void PatternsStillRefuseHashesAndWhitespace(string uri) => Assert.False(WampUri.IsValid(uri, allowEmptyComponents: true));

    [Theory]
    [InlineData("com..topic", true)]
    [InlineData("com..Topic", false)]
    [InlineData("com.my-app.", false)]
    public void StrictPatternsCombineBothRules(string uri, bool valid) =>
        Assert.Equal(valid, WampUri.IsValid(uri, strict: true, allowEmptyComponents: true));

    [Theory]
    [InlineData("wamp.session.get", true)]
    [InlineData("wamp.", true)]
    [InlineData("wamp", false)]
    [InlineData("wampx.topic", false)]
    [InlineData("com.wamp.topic", false)]
    [InlineData("WAMP.session.get", false)]
    public void ReservedIsExactlyTheWampPrefix(string uri, bool reserved) => Assert.Equal(reserved, WampUri.IsReserved(uri));
}
