package io.ordergateway.journal;

/**
 * Receives a journal's records, decoded, one typed call per record, in the order they were
 * written: what {@link JournalAdapter} turns the bytes into. Replay, the dump's formatter, the
 * reports and the tools are listeners; none of them sees the record format.
 *
 * <p>Every call starts with the three fields every record has: the ring {@code sequence} of the
 * event, its {@code timestamp} (epoch nanoseconds, the event's time) and the gateway's
 * {@code orderId} (0 for records not about one order). Closed sets (side, order type, state,
 * reasons...) arrive as their codes in the schema, which are the codes of the gateway's own enums
 * ({@code fromCode} turns them back); an absent value is {@link #NULL_CODE}. Prices and
 * quantities are scaled longs ({@link FixedPoint}), {@link FixedPoint#NULL} when absent.
 *
 * <p>Every method does nothing by default: a listener overrides what it needs. Views passed in
 * (and the strings) are valid only during the call. Calls come on the reading thread.
 */
public interface JournalListener
{
    /** The code of an enum field the writer left empty (or wrote in a version that lacked it). */
    int NULL_CODE = -1;

    /**
     * A new ring event begins: its records follow, until the next call. A document holds the records
     * of one event, or of several events in a row (the journal stage appends per batch), so this is
     * called at each document and wherever the records' sequence changes inside one.
     *
     * @param documentIndex the Chronicle index of the document the event is in.
     */
    default void onDocument(final long documentIndex)
    {
    }

    /**
     * The first record of a session (schema version 4 on).
     *
     * @param session who wrote what follows.
     */
    default void onSessionStart(final SessionStart session)
    {
    }

    /**
     * A session's routing configuration, journaled at its start.
     *
     * @param setup the configuration.
     */
    default void onRoutingSetup(final RoutingSetup setup)
    {
    }

    /**
     * A new order as the strategy submitted it.
     *
     * @param order the record's fields.
     */
    default void onOrderNew(final OrderNewView order)
    {
    }

    /**
     * The strategy asks to cancel an order.
     *
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param orderId   the order.
     */
    default void onOrderCancel(final long sequence, final long timestamp, final long orderId)
    {
    }

    /**
     * The strategy asks to change an order.
     *
     * @param sequence   ring sequence.
     * @param timestamp  event time.
     * @param orderId    the order.
     * @param quantity   the new quantity.
     * @param limitPrice the new limit price, or NULL.
     * @param stopPrice  the new stop price, or NULL.
     */
    default void onOrderReplace(
        final long sequence, final long timestamp, final long orderId, final long quantity, final long limitPrice,
        final long stopPrice)
    {
    }

    /**
     * The gateway refused a command; it was never sent.
     *
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param orderId   the order.
     * @param command   the command's kind (CommandKind code).
     * @param reason    why (RejectReason code).
     * @param field     which field or limit (DetailField code).
     * @param value     the offending value, scaled as the field implies.
     * @param bound     the limit it broke.
     */
    default void onOrderDenied(
        final long sequence, final long timestamp, final long orderId, final int command, final int reason,
        final int field, final long value, final long bound)
    {
    }

    /**
     * The routing decision for a new order.
     *
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param orderId   the order.
     * @param brokerId  the broker chosen.
     * @param policy    the policy that chose it (RoutingPolicy code).
     */
    default void onOrderRouted(final long sequence, final long timestamp, final long orderId, final int brokerId,
        final int policy)
    {
    }

    /**
     * A command handed to its broker (written before it is: write-ahead).
     *
     * @param sequence      ring sequence.
     * @param timestamp     event time.
     * @param orderId       the order.
     * @param brokerId      the broker.
     * @param command       the command's kind (CommandKind code).
     * @param clientOrderId the id the broker knows the order by.
     */
    default void onOrderSent(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final int command,
        final String clientOrderId)
    {
    }

    /**
     * The broker accepted a new order.
     *
     * @param sequence      ring sequence.
     * @param timestamp     event time.
     * @param orderId       the order.
     * @param brokerId      the broker.
     * @param brokerOrderId the broker's number for it.
     * @param state         the order's state after (OrderState code).
     */
    default void onBrokerAck(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long brokerOrderId,
        final int state)
    {
    }

    /**
     * The broker refused a command.
     *
     * @param sequence   ring sequence.
     * @param timestamp  event time.
     * @param orderId    the order.
     * @param brokerId   the broker.
     * @param command    the refused command's kind (CommandKind code).
     * @param reason     the gateway's reading of the refusal (RejectReason code).
     * @param brokerCode the broker's own code.
     * @param state      the order's state after (OrderState code).
     * @param fromReconciliation true when start-up reconciliation found the command never took effect.
     */
    default void onBrokerReject(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final int command,
        final int reason, final int brokerCode, final int state, final boolean fromReconciliation)
    {
    }

    /**
     * An execution, partial or the last one.
     *
     * @param fill the record's fields.
     */
    default void onFill(final FillView fill)
    {
    }

    /**
     * The broker canceled the rest of an order.
     *
     * @param sequence    ring sequence.
     * @param timestamp   event time.
     * @param orderId     the order.
     * @param brokerId    the broker.
     * @param cumQuantity executed before the cancel.
     * @param state       the order's state after (OrderState code).
     */
    default void onCancelConfirmed(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long cumQuantity,
        final int state)
    {
    }

    /**
     * The order's time in force ran out at the broker.
     *
     * @param sequence    ring sequence.
     * @param timestamp   event time.
     * @param orderId     the order.
     * @param brokerId    the broker.
     * @param cumQuantity executed before it expired.
     * @param state       the order's state after (OrderState code).
     */
    default void onExpired(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long cumQuantity,
        final int state)
    {
    }

    /**
     * The broker applied a replace.
     *
     * @param sequence   ring sequence.
     * @param timestamp  event time.
     * @param orderId    the order.
     * @param brokerId   the broker.
     * @param quantity   the order's quantity now.
     * @param limitPrice its limit price now, or NULL.
     * @param stopPrice  its stop price now, or NULL.
     * @param state      the order's state after (OrderState code).
     */
    default void onReplaceConfirmed(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long quantity,
        final long limitPrice, final long stopPrice, final int state)
    {
    }

    /**
     * A broker event that did not fit the order's state: journaled, not applied.
     *
     * @param sequence      ring sequence.
     * @param timestamp     event time.
     * @param orderId       the order.
     * @param refusedRecord the type of the refused record ({@link JournalRecords#name(int)} names it).
     * @param kind          why it was refused (RefusalKind code).
     * @param state         the order's state, unchanged (OrderState code).
     */
    default void onEventRefused(
        final long sequence, final long timestamp, final long orderId, final int refusedRecord, final int kind,
        final int state)
    {
    }

    /**
     * An operator's kill switch or reduce-only change.
     *
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param control   which control (ControlKind code: 1 kill switch, 2 reduce-only).
     * @param accountId the account, -1 for all.
     * @param engaged   on or off.
     */
    default void onTradingControl(final long sequence, final long timestamp, final int control, final int accountId,
        final boolean engaged)
    {
    }

    /**
     * The timer's tick, journaled when something was decided on it.
     *
     * @param sequence  ring sequence.
     * @param timestamp event time.
     */
    default void onTick(final long sequence, final long timestamp)
    {
    }

    /**
     * A decision of the route stage about a broker.
     *
     * @param sequence      ring sequence.
     * @param timestamp     event time.
     * @param orderId       the order behind it, or 0.
     * @param kind          what was decided (RoutingChangeKind code).
     * @param brokerId      the broker.
     * @param otherBrokerId the broker active before, or -1.
     * @param value         a count or an order id, depending on the kind.
     */
    default void onRoutingChange(
        final long sequence, final long timestamp, final long orderId, final int kind, final int brokerId,
        final int otherBrokerId, final long value)
    {
    }

    /**
     * The answer of a broker's health probe.
     *
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param brokerId  the broker.
     * @param healthy   its answer.
     */
    default void onProbeResult(final long sequence, final long timestamp, final int brokerId, final boolean healthy)
    {
    }

    /**
     * An operator's routing command.
     *
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param command   which (RoutingCommand code).
     * @param brokerId  the broker.
     */
    default void onRoutingCommand(final long sequence, final long timestamp, final int command, final int brokerId)
    {
    }

    /**
     * A run-time change of settings.
     *
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param version   the settings version.
     * @param settings  the settings as text.
     */
    default void onSettingsChange(final long sequence, final long timestamp, final int version, final String settings)
    {
    }

    /**
     * A broker's own request budget ran out or came back.
     *
     * @param sequence   ring sequence.
     * @param timestamp  event time.
     * @param brokerId   the broker.
     * @param remaining  requests left in its window.
     * @param resetNanos when the window resets, epoch nanoseconds.
     */
    default void onBrokerBudget(final long sequence, final long timestamp, final int brokerId, final long remaining,
        final long resetNanos)
    {
    }

    /**
     * A record of a type this reader does not know (a later version's): skipped.
     *
     * @param templateId  its type.
     * @param sequence    ring sequence.
     * @param timestamp   event time.
     * @param orderId     its order, or 0.
     * @param blockLength its root block's length.
     */
    default void onUnknownRecord(final int templateId, final long sequence, final long timestamp, final long orderId,
        final int blockLength)
    {
    }

    /**
     * An order at the broker the gateway never sent, adopted as EXTERNAL.
     *
     * @param sequence            ring sequence.
     * @param timestamp           event time.
     * @param orderId             the gateway's id for it.
     * @param accountId           the account it is booked to.
     * @param brokerId            the broker holding it.
     * @param symbolId            its symbol's id.
     * @param symbol              its symbol.
     * @param side                side code.
     * @param orderType           order type code, or {@link #NULL_CODE}.
     * @param timeInForce         time in force code, or {@link #NULL_CODE}.
     * @param quantity            ordered quantity.
     * @param limitPrice          or NULL.
     * @param stopPrice           or NULL.
     * @param brokerClientOrderId the client order id the broker holds.
     */
    default void onOrderAdopted(final long sequence, final long timestamp, final long orderId, final int accountId,
        final int brokerId, final int symbolId, final String symbol, final int side, final int orderType,
        final int timeInForce, final long quantity, final long limitPrice, final long stopPrice,
        final String brokerClientOrderId)
    {
    }

    /**
     * A difference a running reconciliation confirmed.
     *
     * @param sequence        ring sequence.
     * @param timestamp       event time.
     * @param orderId         the order, or 0 for a position.
     * @param brokerId        the broker.
     * @param kind            the {@code DifferenceKind} code (1 position, 2 order only at the broker, 3 order only in
     *                        the gateway, 4 filled quantity).
     * @param symbol          the symbol.
     * @param gatewayQuantity the gateway's position or filled quantity.
     * @param brokerQuantity  the broker's.
     * @param policy          the {@code DifferencePolicy} code (1 warn, 2 reduce-only, 3 kill switch).
     */
    default void onReconcileDifference(final long sequence, final long timestamp, final long orderId,
        final int brokerId, final int kind, final String symbol, final long gatewayQuantity, final long brokerQuantity,
        final int policy)
    {
    }

    /**
     * What a broker accepts per symbol.
     *
     * @param terms the record.
     */
    default void onBrokerTerms(final BrokerTermsRecord terms)
    {
    }
}
