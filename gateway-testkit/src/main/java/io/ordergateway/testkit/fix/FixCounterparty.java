package io.ordergateway.testkit.fix;

import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.SymbolTable;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.slf4j.LoggerFactory;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FileStoreFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A FIX 4.2 and 4.4 acceptor on QuickFIX/J that fills orders from the simulated broker's engine: the counterparty
 * of the FIX adapter's tests and of {@code gateway fix-sim}. Its message store is on disk, so a counterparty started
 * again on the same directory goes on with the same sequence numbers (and answers resend requests from it), and
 * rebuilds its orders and fills from the ExecutionReports it stored; orders working when it stopped are canceled at
 * the next logon (its engine lost them). Faults:
 * {@link #dropSessions}, {@link #refuseLogons}, {@link #swallowAnswers}, {@link #skipSequenceNumbers},
 * {@link #rejectCancels}, {@link #answerStatusRequests}.
 */
public final class FixCounterparty implements AutoCloseable
{
    /**
     * What the counterparty is.
     *
     * @param port         TCP port on loopback, 0 for any free one.
     * @param senderCompId the counterparty's CompID (the adapter's targetCompId).
     * @param targetCompId the CompID it expects of the gateway (the adapter's senderCompId).
     * @param storeDir     where sessions keep sequence numbers and sent messages.
     * @param symbols      tradable symbols.
     * @param engine       the engine's prices, latency and fills.
     * @param username     required logon username (tag 553), or null for none.
     * @param password     required password (tag 554), with the username.
     */
    public record Config(int port, String senderCompId, String targetCompId, Path storeDir, List<String> symbols,
        SimBrokerConfig engine, String username, String password)
    {
        /**
         * @param storeDir where sessions are kept.
         * @param symbols  tradable symbols.
         * @return a counterparty "SIM" for a gateway "GATEWAY" on any free port, without credentials.
         */
        public static Config defaults(final Path storeDir, final List<String> symbols)
        {
            return new Config(0, "SIM", "GATEWAY", storeDir, symbols, SimBrokerConfig.defaults("fix-sim"), null, null);
        }

        /**
         * @param p the port.
         * @return this with the port.
         */
        public Config withPort(final int p)
        {
            return new Config(p, senderCompId, targetCompId, storeDir, symbols, engine, username, password);
        }

        /**
         * @param e the engine.
         * @return this with the engine.
         */
        public Config withEngine(final SimBrokerConfig e)
        {
            return new Config(port, senderCompId, targetCompId, storeDir, symbols, e, username, password);
        }

        /**
         * @param user     required username.
         * @param secret   required password.
         * @return this requiring them at logon.
         */
        public Config withCredentials(final String user, final String secret)
        {
            return new Config(port, senderCompId, targetCompId, storeDir, symbols, engine, user, secret);
        }
    }

    private static final String[] VERSIONS = {"FIX.4.4", "FIX.4.2"};

    private final Config config;
    private final SimBroker engine;
    private final CounterpartyDesk desk;
    private final CounterpartyFaults faults = new CounterpartyFaults();
    private final int port;
    private final SocketAcceptor acceptor;
    private final AgentRunner engineRunner;

    /**
     * Starts the engine and listens, quietly.
     *
     * @param config what the counterparty is.
     * @throws IllegalStateException if QuickFIX/J refuses the settings or the port.
     */
    public FixCounterparty(final Config config)
    {
        this(config, false);
    }

    /**
     * Starts the engine and listens.
     *
     * @param config  what the counterparty is.
     * @param verbose true to log every message and session event at info.
     * @throws IllegalStateException if QuickFIX/J refuses the settings or the port.
     */
    public FixCounterparty(final Config config, final boolean verbose)
    {
        this.config = Objects.requireNonNull(config);
        this.port = config.port() == 0 ? freePort() : requireFree(config.port());
        final SymbolTable symbols = new SymbolTable(config.symbols());
        this.engine = new SimBroker(config.engine());
        this.desk = new CounterpartyDesk(symbols, engine, config.username(), config.password(), faults);
        engine.open(BrokerContext.standalone(0, desk.engineEvents(), symbols, new ClientOrderIds("fix_sim")));
        engine.connect();
        // a broker outside the gateway: its engine runs on a thread of the counterparty's own
        engineRunner = new AgentRunner(new BackoffIdleStrategy(100, 10, 1_000, 100_000),
            error -> LoggerFactory.getLogger(FixCounterparty.class).error("fix counterparty engine failed", error),
            null, engine.agent());
        AgentRunner.startOnThread(engineRunner);
        try
        {
            final SessionSettings settings = settings(config, port);
            acceptor = new SocketAcceptor(desk, new FileStoreFactory(settings), settings, new QuietLogFactory(verbose),
                new DefaultMessageFactory());
            acceptor.start();
            for (final SessionID id : acceptor.getSessions())
            {
                final Session session = Session.lookupSession(id);
                final java.util.List<String> sent = new java.util.ArrayList<>();
                session.getStore().get(1, session.getStore().getNextSenderMsgSeqNum() - 1, sent);
                desk.recover(id, sent);
            }
        }
        catch (final ConfigError | java.io.IOException | RuntimeException ex)
        {
            engineRunner.close();
            engine.disconnect();
            throw new IllegalStateException("fix counterparty: " + ex.getMessage(), ex);
        }
    }

    private static SessionSettings settings(final Config config, final int port)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SocketAcceptAddress", "127.0.0.1");
        settings.setString("SocketAcceptPort", Integer.toString(port));
        settings.setString("FileStorePath", config.storeDir().toString());
        settings.setString("NonStopSession", "Y");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("ValidateUserDefinedFields", "Y");
        settings.setString("PersistMessages", "Y");
        settings.setString("ResetOnLogon", "N");
        for (final String version : VERSIONS)
        {
            final SessionID id = new SessionID(version, config.senderCompId(), config.targetCompId());
            settings.setString(id, "BeginString", version);
            settings.setString(id, "SenderCompID", config.senderCompId());
            settings.setString(id, "TargetCompID", config.targetCompId());
            settings.setString(id, "DataDictionary", version.replace(".", "") + ".xml");
        }
        return settings;
    }

    private static int requireFree(final int port)
    {
        try (java.net.ServerSocket ignored = new java.net.ServerSocket(port, 1,
            java.net.InetAddress.getLoopbackAddress()))
        {
            return port;
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use (" + ex.getMessage() + ")");
        }
    }

    private static int freePort()
    {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException("no free port on loopback: " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the port it listens on.
     */
    public int port()
    {
        return port;
    }

    /**
     * @return every execution so far, oldest first.
     */
    public List<CounterpartyDesk.Execution> executions()
    {
        return desk.executions();
    }

    /**
     * @return how many NewOrderSingles were refused for a ClOrdID already held (not marked possible duplicate).
     */
    public long duplicatesRefused()
    {
        return desk.duplicatesRefused();
    }

    /**
     * @return how many NewOrderSingles marked possible duplicate (resent) were ignored for a ClOrdID already held.
     */
    public long possibleDuplicatesIgnored()
    {
        return desk.possibleDuplicatesIgnored();
    }

    /**
     * Forgets the last messages received on every session: the counterparty then expects numbers it has seen, and
     * asks for them again when the next message comes (a resend request the other side must answer).
     *
     * @param count how many to forget.
     * @throws java.io.IOException if the store cannot be written.
     */
    public void forgetReceived(final int count) throws java.io.IOException
    {
        for (final SessionID id : acceptor.getSessions())
        {
            final Session session = Session.lookupSession(id);
            if (session != null && session.isLoggedOn())
            {
                session.setNextTargetMsgSeqNum(session.getExpectedTargetNum() - count);
            }
        }
    }

    /**
     * @param name     the broker's name in the gateway.
     * @param brokerId its id in the gateway.
     * @return the counterparty's positions and working orders.
     */
    public BrokerStatement statement(final String name, final int brokerId)
    {
        return desk.statement(name, brokerId);
    }

    /**
     * @return true while some session is logged on.
     */
    public boolean loggedOn()
    {
        for (final SessionID id : acceptor.getSessions())
        {
            final Session session = Session.lookupSession(id);
            if (session != null && session.isLoggedOn())
            {
                return true;
            }
        }
        return false;
    }

    /** Drops every connection without a logout (the sessions and their sequence numbers stay). */
    public void dropSessions()
    {
        for (final SessionID id : acceptor.getSessions())
        {
            final Session session = Session.lookupSession(id);
            if (session != null)
            {
                try
                {
                    session.disconnect("fault: connection dropped", false);
                }
                catch (final java.io.IOException ignored)
                {
                    // the connection is gone either way
                }
            }
        }
    }

    /**
     * @param refuse true to answer every logon with a logout.
     */
    public void refuseLogons(final boolean refuse)
    {
        faults.refuseLogon = refuse;
    }

    /**
     * @param swallow true to execute orders but send no ExecutionReport or reject for them (status requests are
     *                still answered).
     */
    public void swallowAnswers(final boolean swallow)
    {
        faults.swallowAnswers = swallow;
    }

    /**
     * @param reject true to refuse every OrderCancelRequest with a BusinessMessageReject (unsupported message).
     */
    public void rejectCancels(final boolean reject)
    {
        faults.rejectCancels = reject;
    }

    /**
     * @param answer false to refuse OrderStatusRequests with a BusinessMessageReject.
     */
    public void answerStatusRequests(final boolean answer)
    {
        faults.answerStatusRequests = answer;
    }

    /**
     * Skips sequence numbers on every session: the next message goes out {@code count} numbers later than it should,
     * so the other side sees a gap and asks for a resend (answered with a gap fill).
     *
     * @param count how many numbers to skip.
     * @throws java.io.IOException if the store cannot be written.
     */
    public void skipSequenceNumbers(final int count) throws java.io.IOException
    {
        for (final SessionID id : acceptor.getSessions())
        {
            final Session session = Session.lookupSession(id);
            if (session != null && session.isLoggedOn())
            {
                session.setNextSenderMsgSeqNum(session.getExpectedSenderNum() + count);
            }
        }
    }

    /**
     * @return the configuration.
     */
    public Config config()
    {
        return config;
    }

    @Override
    public void close()
    {
        acceptor.stop(true);
        engineRunner.close();
        engine.disconnect();
    }
}
