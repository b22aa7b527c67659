package io.ordergateway.journal;

import java.util.List;

/**
 * What a broker accepts per symbol, as journaled ({@code BrokerTerms}, schema version 6): from its
 * discovery at connect or daily, with the configuration's overrides applied. Routing follows it
 * from its place in the journal on, live and in replay.
 *
 * @param sequence  the record's sequence.
 * @param timestamp event time.
 * @param brokerId  the broker.
 * @param symbols   one line per symbol the broker spoke of.
 */
public record BrokerTermsRecord(long sequence, long timestamp, int brokerId, List<Line> symbols)
{
    /**
     * Copies the lines.
     */
    public BrokerTermsRecord
    {
        symbols = List.copyOf(symbols);
    }

    /**
     * One symbol at the broker.
     *
     * @param symbolId     the gateway's symbol id.
     * @param tradable     it can be traded there at all.
     * @param shortable    a sell may open or grow a short there.
     * @param easyToBorrow shares to short are easy to borrow.
     * @param fractionable fractional quantities are accepted.
     * @param marginable   it can be bought on margin.
     */
    public record Line(int symbolId, boolean tradable, boolean shortable, boolean easyToBorrow, boolean fractionable,
        boolean marginable)
    {
    }
}
