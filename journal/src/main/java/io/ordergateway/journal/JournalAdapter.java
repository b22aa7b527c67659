package io.ordergateway.journal;

import io.ordergateway.journal.sbe.BooleanType;
import io.ordergateway.journal.sbe.BrokerAckDecoder;
import io.ordergateway.journal.sbe.BrokerBudgetDecoder;
import io.ordergateway.journal.sbe.BrokerRejectDecoder;
import io.ordergateway.journal.sbe.CancelConfirmedDecoder;
import io.ordergateway.journal.sbe.EventRefusedDecoder;
import io.ordergateway.journal.sbe.ExpiredDecoder;
import io.ordergateway.journal.sbe.FillDecoder;
import io.ordergateway.journal.sbe.FillSource;
import io.ordergateway.journal.sbe.OrderCancelDecoder;
import io.ordergateway.journal.sbe.OrderDeniedDecoder;
import io.ordergateway.journal.sbe.OrderNewDecoder;
import io.ordergateway.journal.sbe.OrderReplaceDecoder;
import io.ordergateway.journal.sbe.OrderRoutedDecoder;
import io.ordergateway.journal.sbe.OrderSentDecoder;
import io.ordergateway.journal.sbe.PartialFillDecoder;
import io.ordergateway.journal.sbe.ProbeResultDecoder;
import io.ordergateway.journal.sbe.ReplaceConfirmedDecoder;
import io.ordergateway.journal.sbe.RoutingChangeDecoder;
import io.ordergateway.journal.sbe.RoutingCommandDecoder;
import io.ordergateway.journal.sbe.RoutingSetupDecoder;
import io.ordergateway.journal.sbe.SessionStartDecoder;
import io.ordergateway.journal.sbe.SettingsChangeDecoder;
import io.ordergateway.journal.sbe.TickDecoder;
import io.ordergateway.journal.sbe.TradingControlDecoder;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's one decoder: turns each record a {@link JournalReader} delivers into a typed call
 * on a {@link JournalListener}. With {@link JournalPublisher} it is the only user of the generated
 * codecs; a new record type is added here, in the publisher and in the schema, and nowhere else.
 *
 * <p>Fixed-size records are decoded through reused flyweights and allocate nothing (except the
 * strings of {@code OrderSent}); the rare records with groups (session start, routing setup,
 * settings) are decoded into values. Not thread safe: one adapter per reading thread.
 *
 * <pre>{@code
 * try (JournalReader reader = new JournalReader(dir)) {
 *     reader.readAll(new JournalAdapter(listener));
 * }
 * }</pre>
 */
public final class JournalAdapter implements JournalRecordHandler
{
    private final JournalListener listener;
    private final OrderNewView orderNew = new OrderNewView();
    private final FillView fill = new FillView();
    private final OrderCancelDecoder orderCancel = new OrderCancelDecoder();
    private final OrderReplaceDecoder orderReplace = new OrderReplaceDecoder();
    private final OrderDeniedDecoder orderDenied = new OrderDeniedDecoder();
    private final OrderRoutedDecoder orderRouted = new OrderRoutedDecoder();
    private final OrderSentDecoder orderSent = new OrderSentDecoder();
    private final BrokerAckDecoder brokerAck = new BrokerAckDecoder();
    private final BrokerRejectDecoder brokerReject = new BrokerRejectDecoder();
    private final CancelConfirmedDecoder cancelConfirmed = new CancelConfirmedDecoder();
    private final ExpiredDecoder expired = new ExpiredDecoder();
    private final ReplaceConfirmedDecoder replaceConfirmed = new ReplaceConfirmedDecoder();
    private final EventRefusedDecoder eventRefused = new EventRefusedDecoder();
    private final TradingControlDecoder tradingControl = new TradingControlDecoder();
    private final TickDecoder tick = new TickDecoder();
    private final RoutingChangeDecoder routingChange = new RoutingChangeDecoder();
    private final ProbeResultDecoder probeResult = new ProbeResultDecoder();
    private final RoutingCommandDecoder routingCommand = new RoutingCommandDecoder();
    private final RoutingSetupDecoder routingSetup = new RoutingSetupDecoder();
    private final SettingsChangeDecoder settingsChange = new SettingsChangeDecoder();
    private final BrokerBudgetDecoder brokerBudget = new BrokerBudgetDecoder();
    private final io.ordergateway.journal.sbe.OrderAdoptedDecoder orderAdopted =
        new io.ordergateway.journal.sbe.OrderAdoptedDecoder();
    private final io.ordergateway.journal.sbe.BrokerTermsDecoder brokerTerms =
        new io.ordergateway.journal.sbe.BrokerTermsDecoder();
    private final io.ordergateway.journal.sbe.ReconcileDifferenceDecoder reconcileDifference =
        new io.ordergateway.journal.sbe.ReconcileDifferenceDecoder();
    private final SessionStartDecoder sessionStart = new SessionStartDecoder();
    private final DocumentParser documents = new DocumentParser();
    private long document = Long.MIN_VALUE;
    private long eventSequence = Long.MIN_VALUE;

    /**
     * @param listener receives every record.
     */
    public JournalAdapter(final JournalListener listener)
    {
        this.listener = listener;
    }

    /**
     * Decodes one whole document held outside a journal (e.g. {@link JournalPublisher#document()}).
     *
     * @param buffer        the document's bytes, from offset 0.
     * @param length        how many.
     * @param documentIndex a number for the document ({@link JournalListener#onDocument}).
     * @throws JournalException if the document is corrupt or from another schema or a newer version.
     */
    public void onDocument(final DirectBuffer buffer, final int length, final long documentIndex)
    {
        documents.parse(buffer, length, documentIndex, this);
    }

    @Override
    public void onRecord(
        final int templateId, final DirectBuffer buffer, final int offset, final int blockLength, final int version,
        final long documentIndex)
    {
        // every record's first field is the sequence of the ring event it belongs to; a document holds the records of
        // one event or, appended per batch, of several in a row: a new event begins where the sequence changes
        final long sequence = buffer.getLong(offset, java.nio.ByteOrder.LITTLE_ENDIAN);
        if (documentIndex != document || sequence != eventSequence)
        {
            document = documentIndex;
            eventSequence = sequence;
            listener.onDocument(documentIndex);
        }
        final JournalListener l = listener;
        switch (templateId)
        {
            case OrderNewDecoder.TEMPLATE_ID:
                l.onOrderNew(orderNew.wrap(buffer, offset, blockLength, version));
                break;
            case OrderCancelDecoder.TEMPLATE_ID:
            {
                final OrderCancelDecoder d = orderCancel.wrap(buffer, offset, blockLength, version);
                l.onOrderCancel(d.sequence(), d.timestamp(), d.orderId());
                break;
            }
            case OrderReplaceDecoder.TEMPLATE_ID:
            {
                final OrderReplaceDecoder d = orderReplace.wrap(buffer, offset, blockLength, version);
                l.onOrderReplace(d.sequence(), d.timestamp(), d.orderId(), d.quantity(), d.limitPrice(), d.stopPrice());
                break;
            }
            case OrderDeniedDecoder.TEMPLATE_ID:
            {
                final OrderDeniedDecoder d = orderDenied.wrap(buffer, offset, blockLength, version);
                l.onOrderDenied(d.sequence(), d.timestamp(), d.orderId(), code(d.commandRaw()), code(d.reasonRaw()),
                    code(d.fieldRaw()), d.value(), d.bound());
                break;
            }
            case OrderRoutedDecoder.TEMPLATE_ID:
            {
                final OrderRoutedDecoder d = orderRouted.wrap(buffer, offset, blockLength, version);
                l.onOrderRouted(d.sequence(), d.timestamp(), d.orderId(), d.brokerId(), code(d.policyRaw()));
                break;
            }
            case OrderSentDecoder.TEMPLATE_ID:
            {
                final OrderSentDecoder d = orderSent.wrap(buffer, offset, blockLength, version);
                l.onOrderSent(d.sequence(), d.timestamp(), d.orderId(), d.brokerId(), code(d.commandRaw()),
                    d.clientOrderId().trim());
                break;
            }
            case BrokerAckDecoder.TEMPLATE_ID:
            {
                final BrokerAckDecoder d = brokerAck.wrap(buffer, offset, blockLength, version);
                l.onBrokerAck(d.sequence(), d.timestamp(), d.orderId(), d.brokerId(), d.brokerOrderId(),
                    code(d.stateRaw()));
                break;
            }
            case BrokerRejectDecoder.TEMPLATE_ID:
            {
                final BrokerRejectDecoder d = brokerReject.wrap(buffer, offset, blockLength, version);
                l.onBrokerReject(d.sequence(), d.timestamp(), d.orderId(), d.brokerId(), code(d.commandRaw()),
                    code(d.reasonRaw()), d.brokerCode(), code(d.stateRaw()), d.source() == FillSource.RECONCILIATION);
                break;
            }
            case PartialFillDecoder.TEMPLATE_ID:
                l.onFill(fill.wrapPartial(buffer, offset, blockLength, version));
                break;
            case FillDecoder.TEMPLATE_ID:
                l.onFill(fill.wrapLast(buffer, offset, blockLength, version));
                break;
            case CancelConfirmedDecoder.TEMPLATE_ID:
            {
                final CancelConfirmedDecoder d = cancelConfirmed.wrap(buffer, offset, blockLength, version);
                l.onCancelConfirmed(d.sequence(), d.timestamp(), d.orderId(), d.brokerId(), d.cumQuantity(),
                    code(d.stateRaw()));
                break;
            }
            case ExpiredDecoder.TEMPLATE_ID:
            {
                final ExpiredDecoder d = expired.wrap(buffer, offset, blockLength, version);
                l.onExpired(d.sequence(), d.timestamp(), d.orderId(), d.brokerId(), d.cumQuantity(),
                    code(d.stateRaw()));
                break;
            }
            case ReplaceConfirmedDecoder.TEMPLATE_ID:
            {
                final ReplaceConfirmedDecoder d = replaceConfirmed.wrap(buffer, offset, blockLength, version);
                l.onReplaceConfirmed(d.sequence(), d.timestamp(), d.orderId(), d.brokerId(), d.quantity(),
                    d.limitPrice(), d.stopPrice(), code(d.stateRaw()));
                break;
            }
            case EventRefusedDecoder.TEMPLATE_ID:
            {
                final EventRefusedDecoder d = eventRefused.wrap(buffer, offset, blockLength, version);
                l.onEventRefused(d.sequence(), d.timestamp(), d.orderId(), d.refusedTemplateId(), code(d.kindRaw()),
                    code(d.stateRaw()));
                break;
            }
            case TradingControlDecoder.TEMPLATE_ID:
            {
                final TradingControlDecoder d = tradingControl.wrap(buffer, offset, blockLength, version);
                l.onTradingControl(d.sequence(), d.timestamp(), code(d.controlRaw()), d.accountId(),
                    d.engaged() == BooleanType.TRUE);
                break;
            }
            case TickDecoder.TEMPLATE_ID:
            {
                final TickDecoder d = tick.wrap(buffer, offset, blockLength, version);
                l.onTick(d.sequence(), d.timestamp());
                break;
            }
            case RoutingChangeDecoder.TEMPLATE_ID:
            {
                final RoutingChangeDecoder d = routingChange.wrap(buffer, offset, blockLength, version);
                l.onRoutingChange(d.sequence(), d.timestamp(), d.orderId(), code(d.kindRaw()), d.brokerId(),
                    d.otherBrokerId(), d.value());
                break;
            }
            case ProbeResultDecoder.TEMPLATE_ID:
            {
                final ProbeResultDecoder d = probeResult.wrap(buffer, offset, blockLength, version);
                l.onProbeResult(d.sequence(), d.timestamp(), d.brokerId(), d.healthy() == BooleanType.TRUE);
                break;
            }
            case RoutingCommandDecoder.TEMPLATE_ID:
            {
                final RoutingCommandDecoder d = routingCommand.wrap(buffer, offset, blockLength, version);
                l.onRoutingCommand(d.sequence(), d.timestamp(), code(d.commandRaw()), d.brokerId());
                break;
            }
            case BrokerBudgetDecoder.TEMPLATE_ID:
            {
                final BrokerBudgetDecoder d = brokerBudget.wrap(buffer, offset, blockLength, version);
                l.onBrokerBudget(d.sequence(), d.timestamp(), d.brokerId(), d.remaining(), d.resetNanos());
                break;
            }
            case SettingsChangeDecoder.TEMPLATE_ID:
            {
                final SettingsChangeDecoder d = settingsChange.wrap(buffer, offset, blockLength, version);
                l.onSettingsChange(d.sequence(), d.timestamp(), d.version(), d.settings());
                break;
            }
            case RoutingSetupDecoder.TEMPLATE_ID:
                l.onRoutingSetup(routingSetup(routingSetup.wrap(buffer, offset, blockLength, version)));
                break;
            case SessionStartDecoder.TEMPLATE_ID:
                l.onSessionStart(sessionStart(sessionStart.wrap(buffer, offset, blockLength, version)));
                break;
            default:
                onReconciliationOrUnknown(templateId, buffer, offset, blockLength, version, l);
                break;
        }
    }

    /**
     * The records of a running reconciliation (version 6), and any this build does not know.
     */
    private void onReconciliationOrUnknown(final int templateId, final DirectBuffer buffer, final int offset,
        final int blockLength, final int version, final JournalListener l)
    {
        switch (templateId)
        {
            case io.ordergateway.journal.sbe.OrderAdoptedDecoder.TEMPLATE_ID:
                adopted(orderAdopted.wrap(buffer, offset, blockLength, version), l);
                break;
            case io.ordergateway.journal.sbe.ReconcileDifferenceDecoder.TEMPLATE_ID:
                difference(reconcileDifference.wrap(buffer, offset, blockLength, version), l);
                break;
            case io.ordergateway.journal.sbe.BrokerTermsDecoder.TEMPLATE_ID:
                l.onBrokerTerms(terms(brokerTerms.wrap(buffer, offset, blockLength, version)));
                break;
            default:
                l.onUnknownRecord(templateId, RecordFields.sequence(buffer, offset),
                    RecordFields.timestamp(buffer, offset), RecordFields.orderId(buffer, offset), blockLength);
                break;
        }
    }

    /**
     * @param raw an enum field's raw value.
     * @return the code, or {@link JournalListener#NULL_CODE} for the schema's null value (255 or 65535).
     */
    static int code(final int raw)
    {
        return raw == 0xFF || raw == 0xFFFF ? JournalListener.NULL_CODE : raw;
    }

    private static BrokerTermsRecord terms(final io.ordergateway.journal.sbe.BrokerTermsDecoder d)
    {
        final List<BrokerTermsRecord.Line> lines = new ArrayList<>();
        for (final io.ordergateway.journal.sbe.BrokerTermsDecoder.SymbolsDecoder s : d.symbols())
        {
            lines.add(new BrokerTermsRecord.Line(s.symbolId(), s.tradable() == BooleanType.TRUE,
                s.shortable() == BooleanType.TRUE, s.easyToBorrow() == BooleanType.TRUE,
                s.fractionable() == BooleanType.TRUE, s.marginable() == BooleanType.TRUE));
        }
        return new BrokerTermsRecord(d.sequence(), d.timestamp(), d.brokerId(), lines);
    }

    private static void adopted(final io.ordergateway.journal.sbe.OrderAdoptedDecoder d, final JournalListener l)
    {
        l.onOrderAdopted(d.sequence(), d.timestamp(), d.orderId(), d.accountId(), d.brokerId(), d.symbolId(),
            d.symbolName().trim(), code(d.sideRaw()), code(d.orderTypeRaw()), code(d.timeInForceRaw()), d.quantity(),
            d.limitPrice(), d.stopPrice(), d.brokerClientOrderId());
    }

    private static void difference(final io.ordergateway.journal.sbe.ReconcileDifferenceDecoder d,
        final JournalListener l)
    {
        l.onReconcileDifference(d.sequence(), d.timestamp(), d.orderId(), d.brokerId(), code(d.kindRaw()),
            d.symbolName().trim(), d.gatewayQuantity(), d.brokerQuantity(), code(d.policyRaw()));
    }

    private static RoutingSetup routingSetup(final RoutingSetupDecoder d)
    {
        final long sequence = d.sequence();
        final long timestamp = d.timestamp();
        final int policy = code(d.defaultPolicyRaw());
        final int failureThreshold = d.failureThreshold();
        final long breakerOpen = d.breakerOpenNanos();
        final long recovery = d.recoveryNanos();
        final long holdDown = d.holdDownNanos();
        final long sendTimeout = d.sendTimeoutNanos();
        // schema version 5 and earlier: NULL_VAL, the behaviour then (failover on, pauses end by themselves)
        final boolean failover = d.failoverRaw() != 0;
        final int resume = code(d.resumeAfterPauseRaw()) == RoutingSetup.RESUME_MANUAL ? RoutingSetup.RESUME_MANUAL
            : RoutingSetup.RESUME_AUTO;
        final List<RoutingSetup.Broker> brokers = new ArrayList<>();
        for (final RoutingSetupDecoder.BrokersDecoder b : d.brokers())
        {
            brokers.add(new RoutingSetup.Broker(b.brokerId(), b.chainPosition(), b.weightPercent(), b.costBps(),
                b.apiRatePerSecond(), b.apiBurst()));
        }
        final Map<Integer, Integer> accounts = new HashMap<>();
        for (final RoutingSetupDecoder.AccountPoliciesDecoder a : d.accountPolicies())
        {
            accounts.put(a.accountId(), code(a.policyRaw()));
        }
        final Map<Integer, Integer> symbols = new HashMap<>();
        for (final RoutingSetupDecoder.SymbolPoliciesDecoder s : d.symbolPolicies())
        {
            symbols.put(s.symbolId(), code(s.policyRaw()));
        }
        return new RoutingSetup(sequence, timestamp, policy, failureThreshold, breakerOpen, recovery, holdDown,
            sendTimeout, List.copyOf(brokers), Map.copyOf(accounts), Map.copyOf(symbols), failover, resume);
    }

    private static SessionStart sessionStart(final SessionStartDecoder d)
    {
        final long sequence = d.sequence();
        final long timestamp = d.timestamp();
        final int schemaVersion = d.schemaVersion();
        final long digest = d.configurationDigest();
        final List<SessionStart.Broker> brokers = new ArrayList<>();
        for (final SessionStartDecoder.BrokersDecoder b : d.brokers())
        {
            brokers.add(new SessionStart.Broker(b.brokerId(), b.brokerName().trim(), b.brokerType().trim()));
        }
        final List<String> symbols = new ArrayList<>();
        for (final SessionStartDecoder.SymbolsDecoder s : d.symbols())
        {
            while (symbols.size() <= s.symbolId())
            {
                symbols.add("SYMBOL" + symbols.size());
            }
            symbols.set(s.symbolId(), s.symbolName().trim());
        }
        return new SessionStart(sequence, timestamp, d.instance(), schemaVersion, digest, List.copyOf(brokers),
            List.copyOf(symbols));
    }
}
