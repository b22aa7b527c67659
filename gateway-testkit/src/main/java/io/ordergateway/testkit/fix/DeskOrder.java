package io.ordergateway.testkit.fix;

import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import quickfix.SessionID;

/**
 * One order the counterparty holds: what was asked, what the engine did with it, and the client
 * order ids it went by (FIX renames an order with every cancel or replace request). Guarded by its
 * own monitor: the acceptor's thread asks, the engine's thread executes.
 */
final class DeskOrder
{
    final long engineId;
    final SessionID session;
    final String symbol;
    final int symbolId;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final String account;
    final String firstClOrdId;
    String clOrdId;
    long quantity;
    long limitPrice;
    long stopPrice;
    long filled;
    /** Sum of quantity times price of the fills, in currency units. */
    double notional;
    char status = '0';
    boolean done;
    /** Rebuilt from the store after a restart: the engine does not hold it. */
    boolean recovered;
    /** The cancel or replace request the engine is working on: its ClOrdID, or null. */
    String pendingClOrdId;
    char pendingType;
    long pendingQuantity;
    long pendingLimit;
    long pendingStop;

    DeskOrder(final long engineId, final SessionID session, final String clOrdId, final String symbol,
        final int symbolId, final Side side, final OrderType type, final TimeInForce timeInForce, final long quantity,
        final long limitPrice, final long stopPrice, final String account)
    {
        this.engineId = engineId;
        this.session = session;
        this.firstClOrdId = clOrdId;
        this.clOrdId = clOrdId;
        this.symbol = symbol;
        this.symbolId = symbolId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.stopPrice = stopPrice;
        this.account = account;
    }

    long leaves()
    {
        return done ? 0 : quantity - filled;
    }
}
