package io.ordergateway.core.state;

import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;

import java.util.List;

/**
 * A copy of the gateway's orders and positions at one point in the event sequence, made by the
 * state stage on its own thread and handed to whoever asked. Immutable.
 *
 * @param sequence   the ring sequence the snapshot was taken at: it reflects every event before it.
 * @param positions  every position that was ever traded: per broker, and in total ({@code brokerId == -1}).
 * @param openOrders every order that is not finished.
 * @param accounts   each account's exposure as the risk stage sees it.
 */
public record PortfolioSnapshot(long sequence, List<PositionLine> positions, List<OrderLine> openOrders,
    List<AccountLine> accounts)
{
    /** The broker id of a total position. */
    public static final int TOTAL = -1;

    /**
     * One position.
     *
     * @param brokerId      the broker, or {@link #TOTAL}.
     * @param symbol        the symbol.
     * @param quantity      signed quantity (scaled).
     * @param averagePrice  average entry price (scaled).
     * @param realisedPnl   realised profit and loss (price scale).
     * @param boughtQuantity total bought.
     * @param soldQuantity  total sold.
     */
    public record PositionLine(
        int brokerId, String symbol, long quantity, long averagePrice, long realisedPnl, long boughtQuantity,
        long soldQuantity)
    {
    }

    /**
     * One open order.
     *
     * @param orderId      the gateway's order id.
     * @param accountId    the account.
     * @param brokerId     where it was sent.
     * @param symbol       the symbol.
     * @param side         buy or sell.
     * @param type         order type.
     * @param state        current state.
     * @param quantity     ordered quantity.
     * @param cumQuantity  filled so far.
     * @param limitPrice   limit price or NULL.
     * @param averagePrice average fill price, 0 before the first fill.
     * @param acknowledged whether the broker has acknowledged the order.
     * @param brokerClientOrderId for an EXTERNAL order (adopted from the broker), the client order id the broker holds;
     *                     null for the gateway's own orders.
     */
    public record OrderLine(
        long orderId, int accountId, int brokerId, String symbol, Side side, OrderType type, OrderState state,
        long quantity, long cumQuantity, long limitPrice, long averagePrice, boolean acknowledged,
        String brokerClientOrderId)
    {
        /**
         * @return true for an order adopted from the broker, not sent by the gateway.
         */
        public boolean external()
        {
            return brokerClientOrderId != null;
        }
    }

    /**
     * One account's exposure.
     *
     * @param accountId     the account.
     * @param openOrders    orders not finished.
     * @param grossExposure positions and open orders at reference prices (money).
     * @param positions     signed position by symbol (symbols never traded are left out).
     * @param openBuy       open buy quantity by symbol.
     * @param openSell      open sell quantity by symbol.
     */
    public record AccountLine(
        int accountId, int openOrders, long grossExposure, java.util.Map<String, Long> positions, java.util.Map<String,
        Long> openBuy, java.util.Map<String, Long> openSell)
    {
    }

    /**
     * A digest of the state the events built (positions, open orders, each account's open orders,
     * positions and open quantities), equal for equal state: a live gateway's snapshot and a replay
     * of its journal to the same sequence have the same digest. Left out: the sequence, and gross
     * exposure, which also depends on the configured reference prices.
     *
     * @return SHA-256 of a canonical text of the state, in hex.
     */
    public String digest()
    {
        final StringBuilder text = new StringBuilder(4096);
        positions.stream().sorted(java.util.Comparator.comparing(PositionLine::symbol)
            .thenComparingInt(PositionLine::brokerId))
            .forEach(p -> text.append(p).append('\n'));
        openOrders.stream().sorted(java.util.Comparator.comparingLong(OrderLine::orderId))
            .forEach(o -> text.append(o).append('\n'));
        accounts.stream().sorted(java.util.Comparator.comparingInt(AccountLine::accountId))
            .forEach(a -> text.append(a.accountId())
            .append(' ').append(a.openOrders()).append(' ').append(a.positions()).append(' ').append(a.openBuy())
            .append(' ')
            .append(a.openSell()).append('\n'));
        try
        {
            final byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        }
        catch (final java.security.NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is always available", ex);
        }
    }

    /**
     * @param brokerId a broker, or {@link #TOTAL}.
     * @param symbol   a symbol.
     * @return that position, or a flat one if never traded.
     */
    public PositionLine position(final int brokerId, final String symbol)
    {
        for (final PositionLine line : positions)
        {
            if (line.brokerId() == brokerId && line.symbol().equals(symbol))
            {
                return line;
            }
        }
        return new PositionLine(brokerId, symbol, 0, 0, 0, 0, 0);
    }
}
