package io.ordergateway.benchmarks.harness;

import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.testkit.fix.FixCounterparty;
import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The baseline for {@link FixGatewayTarget}: a bare QuickFIX/J initiator (its default single-threaded engine, an
 * in-memory store) sending NewOrderSingles to the same kind of counterparty on loopback, latency from the planned
 * send time to the first ExecutionReport in its {@code fromApp}.
 */
final class QuickFixTarget implements LatencyTarget
{
    private Path dir;
    private FixCounterparty counterparty;
    private SocketInitiator initiator;
    private SessionID session;
    private PlannedTimes times;

    static FixCounterparty.Config counterparty(final Path store, final String target)
    {
        return new FixCounterparty.Config(0, "SIM", target, store, List.of("AAPL"),
            SimBrokerConfig.defaults("fix-bench").withReferencePrices(Map.of("AAPL", 18_725_000_000L))
                .withLatency(0, 0).withPartialFills(0, 2).withPriceMoves(0, 0), null, null);
    }

    @Override
    public String name()
    {
        return "fix-quickfixj";
    }

    @Override
    public long warmupRate()
    {
        return 2_000; // the counterparty (QuickFIX/J, validating every message) takes no more
    }

    @Override
    public void start(final int capacity, final int measureFrom) throws Exception
    {
        dir = TempJournal.create();
        times = new PlannedTimes(capacity, measureFrom);
        final PlannedTimes planned = times;
        counterparty = new FixCounterparty(counterparty(dir.resolve("counterparty"), "BARE"));
        final SessionSettings settings = new SessionSettings();
        session = new SessionID("FIX.4.4", "BARE", "SIM");
        settings.setString("ConnectionType", "initiator");
        settings.setString("NonStopSession", "Y");
        settings.setString("HeartBtInt", "30");
        settings.setString("ReconnectInterval", "1");
        settings.setString("UseDataDictionary", "N");
        settings.setString("SLF4JLogHeartbeats", "N");
        settings.setString(session, "BeginString", "FIX.4.4");
        settings.setString(session, "SenderCompID", "BARE");
        settings.setString(session, "TargetCompID", "SIM");
        settings.setString(session, "SocketConnectHost", "127.0.0.1");
        settings.setString(session, "SocketConnectPort", Integer.toString(counterparty.port()));
        initiator = new SocketInitiator(new Application()
        {
            @Override
            public void onCreate(final SessionID id)
            {
            }

            @Override
            public void onLogon(final SessionID id)
            {
            }

            @Override
            public void onLogout(final SessionID id)
            {
            }

            @Override
            public void toAdmin(final Message message, final SessionID id)
            {
            }

            @Override
            public void fromAdmin(final Message message, final SessionID id)
            {
            }

            @Override
            public void toApp(final Message message, final SessionID id)
            {
            }

            @Override
            public void fromApp(final Message message, final SessionID id) throws FieldNotFound
            {
                if ("8".equals(message.getHeader().getString(35)) && message.getChar(150) == '0')
                {
                    planned.arrived(Integer.parseInt(message.getString(11).substring(1)));
                }
            }
        }, new MemoryStoreFactory(), settings, new quickfix.SLF4JLogFactory(settings), new DefaultMessageFactory());
        initiator.start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Session.lookupSession(session) == null || !Session.lookupSession(session).isLoggedOn())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("the QuickFIX/J session did not log on within 30 s");
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public boolean offer(final int index, final long plannedNanos)
    {
        times.plan(index, plannedNanos);
        final Message order = new Message(); // QuickFIX/J allocates its messages: that is part of the baseline
        order.getHeader().setString(35, "D");
        order.setString(11, "b" + index);
        order.setChar(21, '1');
        order.setString(55, "AAPL");
        order.setChar(54, '1');
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        order.setDecimal(38, java.math.BigDecimal.ONE);
        order.setChar(40, '1');
        order.setChar(59, '0');
        return Session.lookupSession(session).send(order);
    }

    @Override
    public PlannedTimes times()
    {
        return times;
    }

    @Override
    public void close()
    {
        if (initiator != null)
        {
            initiator.stop(true);
            initiator = null;
        }
        if (counterparty != null)
        {
            counterparty.close();
            counterparty = null;
        }
        TempJournal.delete(dir);
    }
}
