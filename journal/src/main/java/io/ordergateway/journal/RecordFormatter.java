package io.ordergateway.journal;

import io.ordergateway.journal.sbe.CommandKind;
import io.ordergateway.journal.sbe.ControlKind;
import io.ordergateway.journal.sbe.DetailField;
import io.ordergateway.journal.sbe.OrderClass;
import io.ordergateway.journal.sbe.OrderState;
import io.ordergateway.journal.sbe.OrderType;
import io.ordergateway.journal.sbe.RefusalKind;
import io.ordergateway.journal.sbe.RejectCode;
import io.ordergateway.journal.sbe.RoutingChangeKind;
import io.ordergateway.journal.sbe.RoutingCommandKind;
import io.ordergateway.journal.sbe.RoutingPolicy;
import io.ordergateway.journal.sbe.Side;
import io.ordergateway.journal.sbe.TimeInForce;
import org.agrona.DirectBuffer;

import java.time.Instant;
import java.util.function.IntFunction;

/**
 * Renders journal records as one readable line each, e.g.
 * {@code 2026-11-21T09:30:00.000001Z seq=42 OrderNew order=7 acct=1 AAPL BUY LIMIT DAY qty=100 limit=187.25}.
 * Prices and quantities are printed as decimals (see {@link FixedPoint}), brokers by the names the
 * session's {@code SessionStart} gave them ({@code broker=primary}; {@code broker=0} in journals
 * written before it existed). A {@link JournalListener}: feed it every record, in order, through a
 * {@link JournalAdapter} ({@link #adapter()}), and it hands each line that its {@link Sink} accepts
 * to that sink. For tools, not the hot path.
 */
public final class RecordFormatter implements JournalListener
{
    /**
     * Where formatted records go, and which are wanted: a record the sink does not accept is not
     * formatted.
     */
    public interface Sink
    {
        /**
         * @param recordType the record's type id ({@link JournalRecords#name(int)}).
         * @param orderId    its order id, 0 if not about one order.
         * @param timestamp  its event time, epoch nanoseconds.
         * @param symbol     for {@code OrderNew}, the order's symbol; else null.
         * @return true to have it formatted and passed to {@link #onLine}.
         */
        default boolean accept(final int recordType, final long orderId, final long timestamp, final String symbol)
        {
            return true;
        }

        /**
         * @param recordType the record's type id.
         * @param line       the record as text (no line break); valid only during the call.
         */
        void onLine(int recordType, CharSequence line);
    }


    private final StringBuilder out = new StringBuilder(256);
    private final JournalAdapter adapter = new JournalAdapter(this);
    private Sink sink;
    private SessionStart session;

    /**
     * A formatter for {@link #format} one record at a time.
     */
    public RecordFormatter()
    {
        this((recordType, line) -> { });
    }

    /**
     * @param sink receives the lines.
     */
    public RecordFormatter(final Sink sink)
    {
        this.sink = sink;
    }

    /**
     * The record type's name for a template id, as used by filters and dumps.
     *
     * @param templateId the record type id.
     * @return the name, or {@code "Unknown<id>"}.
     */
    public static String recordName(final int templateId)
    {
        return JournalRecords.name(templateId);
    }

    /**
     * @return the decoder that feeds this formatter: hand it to {@link JournalReader#read}.
     */
    public JournalAdapter adapter()
    {
        return adapter;
    }

    /**
     * Appends one record as text (no line break), whatever the sink accepts.
     *
     * @param target      where to write.
     * @param templateId  which record.
     * @param buffer      the bytes.
     * @param offset      start of the root block.
     * @param blockLength the writer's block length.
     * @param version     the writer's schema version.
     * @return {@code target}.
     */
    public StringBuilder format(
        final StringBuilder target, final int templateId, final DirectBuffer buffer, final int offset,
        final int blockLength, final int version)
    {
        final Sink before = sink;
        sink = (recordType, line) -> target.append(line);
        try
        {
            adapter.onRecord(templateId, buffer, offset, blockLength, version, Long.MIN_VALUE);
        }
        finally
        {
            sink = before;
        }
        return target;
    }

    @Override
    public void onSessionStart(final SessionStart session)
    {
        this.session = session;
        if (head(JournalRecords.SESSION_START, session.timestamp(), session.sequence(), 0, null))
        {
            out.append(" instance=").append(session.instance()).append(" schema=").append(session.schemaVersion())
                .append(" config=").append(Long.toHexString(session.configurationDigest())).append(" brokers=");
            for (int i = 0; i < session.brokers().size(); i++)
            {
                final SessionStart.Broker b = session.brokers().get(i);
                out.append(i == 0 ? "" : ",").append(b.name()).append('(').append(b.type()).append(')');
            }
            out.append(" symbols=").append(String.join(",", session.symbols()));
            emit(JournalRecords.SESSION_START);
        }
    }

    @Override
    public void onRoutingSetup(final RoutingSetup d)
    {
        if (head(JournalRecords.ROUTING_SETUP, d.timestamp(), d.sequence(), 0, null))
        {
            out.append(" policy=").append(name(d.defaultPolicy(), c -> RoutingPolicy.get((short)c)))
                .append(" failureThreshold=").append(d.failureThreshold())
                .append(" breakerOpen=").append(d.breakerOpenNanos() / 1_000_000).append("ms recovery=")
                .append(d.recoveryNanos() / 1_000_000).append("ms holdDown=").append(d.holdDownNanos() / 1_000_000)
                .append("ms sendTimeout=").append(d.sendTimeoutNanos() / 1_000_000).append("ms failover=")
                .append(d.failover()).append(" resumeAfterPause=")
                .append(d.resumeAfterPause() == RoutingSetup.RESUME_MANUAL ? "manual" : "auto").append(" chain=");
            final int[] chain = new int[d.brokers().size()];
            for (final RoutingSetup.Broker b : d.brokers())
            {
                if (b.chainPosition() >= 0 && b.chainPosition() < chain.length)
                {
                    chain[b.chainPosition()] = b.id();
                }
            }
            for (int i = 0; i < chain.length; i++)
            {
                out.append(i == 0 ? "" : ",").append(broker(chain[i]));
            }
            emit(JournalRecords.ROUTING_SETUP);
        }
    }

    @Override
    public void onOrderNew(final OrderNewView d)
    {
        final String symbol = d.symbolName();
        if (!head(JournalRecords.ORDER_NEW, d.timestamp(), d.sequence(), d.orderId(), symbol))
        {
            return;
        }
        out.append(" acct=").append(d.accountId()).append(" strategy=").append(d.strategyId())
            .append(' ').append(symbol).append(' ').append(name(d.side(), c -> Side.get((short)c)))
            .append(' ').append(name(d.orderType(), c -> OrderType.get((short)c)))
            .append(' ').append(name(d.timeInForce(), c -> TimeInForce.get((short)c)));
        if (d.orderClass() != OrderClass.SIMPLE.value())
        {
            out.append(' ').append(name(d.orderClass(), c -> OrderClass.get((short)c)));
        }
        quantity(" qty=", d.quantity());
        price(" limit=", d.limitPrice());
        price(" stop=", d.stopPrice());
        price(" trail=", d.trailPrice());
        price(" trail%=", d.trailPercent());
        price(" tp=", d.takeProfitLimitPrice());
        price(" sl=", d.stopLossStopPrice());
        price(" sl.limit=", d.stopLossLimitPrice());
        if (d.extendedHours())
        {
            out.append(" extended-hours");
        }
        emit(JournalRecords.ORDER_NEW);
    }

    @Override
    public void onOrderCancel(final long sequence, final long timestamp, final long orderId)
    {
        if (head(JournalRecords.ORDER_CANCEL, timestamp, sequence, orderId, null))
        {
            emit(JournalRecords.ORDER_CANCEL);
        }
    }

    @Override
    public void onOrderReplace(
        final long sequence, final long timestamp, final long orderId, final long quantity, final long limitPrice,
        final long stopPrice)
    {
        if (head(JournalRecords.ORDER_REPLACE, timestamp, sequence, orderId, null))
        {
            quantity(" qty=", quantity);
            price(" limit=", limitPrice);
            price(" stop=", stopPrice);
            emit(JournalRecords.ORDER_REPLACE);
        }
    }

    @Override
    public void onOrderDenied(
        final long sequence, final long timestamp, final long orderId, final int command, final int reason,
        final int field, final long value, final long bound)
    {
        if (head(JournalRecords.ORDER_DENIED, timestamp, sequence, orderId, null))
        {
            out.append(' ').append(command(command)).append(" reason=").append(reason(reason));
            if (field != DetailField.NONE.value() && field != NULL_CODE)
            {
                out.append(" field=").append(name(field, c -> DetailField.get((short)c))).append(" value=");
                DetailFormat.append(out, field, value).append(" bound=");
                DetailFormat.append(out, field, bound);
            }
            emit(JournalRecords.ORDER_DENIED);
        }
    }

    @Override
    public void onOrderRouted(final long sequence, final long timestamp, final long orderId, final int brokerId,
        final int policy)
    {
        if (head(JournalRecords.ORDER_ROUTED, timestamp, sequence, orderId, null))
        {
            out.append(" broker=").append(broker(brokerId)).append(" policy=")
                .append(name(policy, c -> RoutingPolicy.get((short)c)));
            emit(JournalRecords.ORDER_ROUTED);
        }
    }

    @Override
    public void onOrderSent(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final int command,
        final String clientOrderId)
    {
        if (head(JournalRecords.ORDER_SENT, timestamp, sequence, orderId, null))
        {
            out.append(" broker=").append(broker(brokerId)).append(' ').append(command(command))
                .append(" clientOrderId=").append(clientOrderId);
            emit(JournalRecords.ORDER_SENT);
        }
    }

    @Override
    public void onBrokerAck(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long brokerOrderId,
        final int state)
    {
        if (head(JournalRecords.BROKER_ACK, timestamp, sequence, orderId, null))
        {
            out.append(" broker=").append(broker(brokerId)).append(" brokerOrderId=").append(brokerOrderId)
                .append(" state=").append(state(state));
            emit(JournalRecords.BROKER_ACK);
        }
    }

    @Override
    public void onBrokerReject(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final int command,
        final int reason, final int brokerCode, final int state, final boolean fromReconciliation)
    {
        if (head(JournalRecords.BROKER_REJECT, timestamp, sequence, orderId, null))
        {
            out.append(" broker=").append(broker(brokerId)).append(' ').append(command(command))
                .append(" reason=").append(reason(reason)).append(" brokerCode=").append(brokerCode)
                .append(" state=").append(state(state));
            if (fromReconciliation)
            {
                out.append(" source=RECONCILIATION");
            }
            emit(JournalRecords.BROKER_REJECT);
        }
    }

    @Override
    public void onFill(final FillView d)
    {
        final int type = d.complete() ? JournalRecords.FILL : JournalRecords.PARTIAL_FILL;
        if (head(type, d.timestamp(), d.sequence(), d.orderId(), null))
        {
            out.append(" broker=").append(broker(d.brokerId())).append(" fillId=").append(d.fillId()).append(' ')
                .append(name(d.side(), c -> Side.get((short)c)));
            quantity(" last=", d.lastQuantity());
            price(" @ ", d.lastPrice());
            quantity(" cum=", d.cumQuantity());
            quantity(" leaves=", d.leavesQuantity());
            price(" avg=", d.avgPrice());
            out.append(" state=").append(state(d.state()));
            if (d.fromReconciliation())
            {
                out.append(" source=RECONCILIATION");
            }
            emit(type);
        }
    }

    @Override
    public void onCancelConfirmed(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long cumQuantity,
        final int state)
    {
        ended(JournalRecords.CANCEL_CONFIRMED, sequence, timestamp, orderId, brokerId, cumQuantity, state);
    }

    @Override
    public void onExpired(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long cumQuantity,
        final int state)
    {
        ended(JournalRecords.EXPIRED, sequence, timestamp, orderId, brokerId, cumQuantity, state);
    }

    @Override
    public void onReplaceConfirmed(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long quantity,
        final long limitPrice, final long stopPrice, final int state)
    {
        if (head(JournalRecords.REPLACE_CONFIRMED, timestamp, sequence, orderId, null))
        {
            out.append(" broker=").append(broker(brokerId));
            quantity(" qty=", quantity);
            price(" limit=", limitPrice);
            price(" stop=", stopPrice);
            out.append(" state=").append(state(state));
            emit(JournalRecords.REPLACE_CONFIRMED);
        }
    }

    @Override
    public void onEventRefused(
        final long sequence, final long timestamp, final long orderId, final int refusedRecord, final int kind,
        final int state)
    {
        if (head(JournalRecords.EVENT_REFUSED, timestamp, sequence, orderId, null))
        {
            out.append(" refused=").append(recordName(refusedRecord)).append(" kind=")
                .append(name(kind, c -> RefusalKind.get((short)c)))
                .append(" state=").append(state(state));
            emit(JournalRecords.EVENT_REFUSED);
        }
    }

    @Override
    public void onTradingControl(final long sequence, final long timestamp, final int control, final int accountId,
        final boolean engaged)
    {
        if (head(JournalRecords.TRADING_CONTROL, timestamp, sequence, 0, null))
        {
            out.append(' ').append(name(control, c -> ControlKind.get((short)c))).append(engaged ? " ON" : " OFF")
                .append(" account=").append(accountId < 0 ? "all" : Integer.toString(accountId));
            emit(JournalRecords.TRADING_CONTROL);
        }
    }

    @Override
    public void onTick(final long sequence, final long timestamp)
    {
        if (head(JournalRecords.TICK, timestamp, sequence, 0, null))
        {
            emit(JournalRecords.TICK);
        }
    }

    @Override
    public void onRoutingChange(
        final long sequence, final long timestamp, final long orderId, final int kind, final int brokerId,
        final int otherBrokerId, final long value)
    {
        if (head(JournalRecords.ROUTING_CHANGE, timestamp, sequence, orderId, null))
        {
            out.append(' ').append(name(kind, c -> RoutingChangeKind.get((short)c))).append(" broker=")
                .append(broker(brokerId));
            if (otherBrokerId >= 0)
            {
                out.append(" from=").append(broker(otherBrokerId));
            }
            if (value != 0)
            {
                out.append(" value=").append(value);
            }
            emit(JournalRecords.ROUTING_CHANGE);
        }
    }

    @Override
    public void onProbeResult(final long sequence, final long timestamp, final int brokerId, final boolean healthy)
    {
        if (head(JournalRecords.PROBE_RESULT, timestamp, sequence, 0, null))
        {
            out.append(" broker=").append(broker(brokerId)).append(healthy ? " HEALTHY" : " UNHEALTHY");
            emit(JournalRecords.PROBE_RESULT);
        }
    }

    @Override
    public void onRoutingCommand(final long sequence, final long timestamp, final int command, final int brokerId)
    {
        if (head(JournalRecords.ROUTING_COMMAND, timestamp, sequence, 0, null))
        {
            out.append(' ').append(name(command, c -> RoutingCommandKind.get((short)c)));
            if (brokerId >= 0) // RESUME names no broker
            {
                out.append(" broker=").append(broker(brokerId));
            }
            emit(JournalRecords.ROUTING_COMMAND);
        }
    }

    @Override
    public void onSettingsChange(final long sequence, final long timestamp, final int version, final String settings)
    {
        if (head(JournalRecords.SETTINGS_CHANGE, timestamp, sequence, 0, null))
        {
            out.append(' ').append(settings);
            emit(JournalRecords.SETTINGS_CHANGE);
        }
    }

    @Override
    public void onBrokerBudget(final long sequence, final long timestamp, final int brokerId, final long remaining,
        final long resetNanos)
    {
        if (head(JournalRecords.BROKER_BUDGET, timestamp, sequence, 0, null))
        {
            out.append(" broker=").append(broker(brokerId)).append(" remaining=").append(remaining).append(" reset=")
                .append(Instant.ofEpochSecond(0, resetNanos));
            emit(JournalRecords.BROKER_BUDGET);
        }
    }

    @Override
    public void onOrderAdopted(final long sequence, final long timestamp, final long orderId, final int accountId,
        final int brokerId, final int symbolId, final String symbol, final int side, final int orderType,
        final int timeInForce, final long quantity, final long limitPrice, final long stopPrice,
        final String brokerClientOrderId)
    {
        if (head(JournalRecords.ORDER_ADOPTED, timestamp, sequence, orderId, symbol))
        {
            out.append(" EXTERNAL acct=").append(accountId).append(" broker=").append(broker(brokerId)).append(' ')
                .append(symbol).append(' ').append(name(side, c -> Side.get((short)c))).append(' ')
                .append(name(orderType, c -> OrderType.get((short)c))).append(' ')
                .append(name(timeInForce, c -> TimeInForce.get((short)c)));
            quantity(" qty=", quantity);
            price(" limit=", limitPrice);
            price(" stop=", stopPrice);
            out.append(" brokerClientOrderId=").append(brokerClientOrderId);
            emit(JournalRecords.ORDER_ADOPTED);
        }
    }

    @Override
    public void onReconcileDifference(final long sequence, final long timestamp, final long orderId,
        final int brokerId, final int kind, final String symbol, final long gatewayQuantity, final long brokerQuantity,
        final int policy)
    {
        if (head(JournalRecords.RECONCILE_DIFFERENCE, timestamp, sequence, orderId, symbol))
        {
            out.append(" broker=").append(broker(brokerId)).append(' ')
                .append(name(kind, c -> io.ordergateway.journal.sbe.DifferenceKind.get((short)c))).append(' ')
                .append(symbol);
            quantity(" gateway=", gatewayQuantity);
            quantity(" broker=", brokerQuantity);
            out.append(" policy=")
                .append(name(policy, c -> io.ordergateway.journal.sbe.DifferencePolicy.get((short)c)));
            emit(JournalRecords.RECONCILE_DIFFERENCE);
        }
    }

    @Override
    public void onBrokerTerms(final BrokerTermsRecord terms)
    {
        if (head(JournalRecords.BROKER_TERMS, terms.timestamp(), terms.sequence(), 0, null))
        {
            out.append(" broker=").append(broker(terms.brokerId())).append(" symbols=").append(terms.symbols().size());
            for (final BrokerTermsRecord.Line l : terms.symbols())
            {
                if (!l.tradable() || !l.shortable() || !l.fractionable())
                {
                    out.append(' ').append(symbol(l.symbolId())).append(':')
                        .append(!l.tradable() ? "not-tradable" : !l.shortable() ? "not-shortable" : "whole-only");
                }
            }
            emit(JournalRecords.BROKER_TERMS);
        }
    }

    @Override
    public void onUnknownRecord(final int templateId, final long sequence, final long timestamp, final long orderId,
        final int blockLength)
    {
        if (sink.accept(templateId, orderId, timestamp, null))
        {
            out.setLength(0);
            out.append("Unknown record template ").append(templateId).append(" (").append(blockLength)
                .append(" bytes)");
            emit(templateId);
        }
    }

    private void ended(
        final int type, final long sequence, final long timestamp, final long orderId, final int brokerId,
        final long cumQuantity, final int state)
    {
        if (head(type, timestamp, sequence, orderId, null))
        {
            out.append(" broker=").append(broker(brokerId));
            quantity(" cum=", cumQuantity);
            out.append(" state=").append(state(state));
            emit(type);
        }
    }

    private boolean head(final int type, final long timestamp, final long sequence, final long orderId,
        final String symbol)
    {
        if (!sink.accept(type, orderId, timestamp, symbol))
        {
            return false;
        }
        out.setLength(0);
        out.append(Instant.ofEpochSecond(Math.floorDiv(timestamp, 1_000_000_000L),
            Math.floorMod(timestamp, 1_000_000_000L)))
            .append(" seq=").append(sequence).append(' ');
        final String name = recordName(type);
        out.append(name);
        for (int i = name.length(); i < 16; i++)
        {
            out.append(' ');
        }
        out.append(" order=").append(orderId);
        return true;
    }

    private void emit(final int type)
    {
        sink.onLine(type, out);
    }

    private String symbol(final int symbolId)
    {
        return session != null && symbolId >= 0 && symbolId < session.symbols().size() ? session.symbols().get(symbolId)
            : Integer.toString(symbolId);
    }

    private String broker(final int brokerId)
    {
        return session == null ? Integer.toString(brokerId) : session.brokerName(brokerId);
    }

    private void quantity(final String label, final long value)
    {
        if (value != FixedPoint.NULL)
        {
            FixedPoint.append(out.append(label), value, FixedPoint.QUANTITY_DECIMALS, 0);
        }
    }

    private void price(final String label, final long value)
    {
        if (value != FixedPoint.NULL)
        {
            FixedPoint.append(out.append(label), value, FixedPoint.PRICE_DECIMALS, 2);
        }
    }

    private static String state(final int code)
    {
        return name(code, c -> OrderState.get((short)c));
    }

    private static String command(final int code)
    {
        return name(code, c -> CommandKind.get((short)c));
    }

    private static String reason(final int code)
    {
        return name(code, RejectCode::get);
    }

    /**
     * An enum's name for a code: NULL_VAL for an absent one, {@code ?<code>} for one this build does not know.
     */
    private static String name(final int code, final IntFunction<Enum<?>> lookup)
    {
        if (code == NULL_CODE)
        {
            return "NULL_VAL";
        }
        try
        {
            return lookup.apply(code).name();
        }
        catch (final IllegalArgumentException ex)
        {
            return "?" + code;
        }
    }
}
