package io.ordergateway.core.broker;

/**
 * What a broker accepts for one symbol, as it says (Alpaca's assets) or as configured.
 *
 * @param symbol       the symbol.
 * @param tradable     it can be traded there at all.
 * @param shortable    a sell may open or grow a short there.
 * @param easyToBorrow shares to short are easy to borrow.
 * @param fractionable fractional quantities are accepted.
 * @param marginable   it can be bought on margin.
 */
public record SymbolTerms(String symbol, boolean tradable, boolean shortable, boolean easyToBorrow,
    boolean fractionable, boolean marginable)
{
    /**
     * @param symbol       the symbol.
     * @param capabilities the broker's declared capabilities.
     * @return what the declaration says of every symbol: tradable, shortable and fractionable as declared.
     */
    public static SymbolTerms declared(final String symbol, final BrokerCapabilities capabilities)
    {
        return new SymbolTerms(symbol, true, capabilities.shortSelling(), capabilities.shortSelling(),
            capabilities.fractional(), true);
    }
}
