package io.ordergateway.core.recovery;

import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.routing.JournaledRouting;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalException;
import io.ordergateway.journal.JournalListener;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.OrderNewView;
import io.ordergateway.journal.RoutingSetup;
import io.ordergateway.journal.SessionStart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What a journal holds, learnt in one pass: its symbols by id, its brokers by id and name, and each
 * session's routing configuration, so a journal can be replayed without the configuration that
 * wrote it. From schema version 4 on, the sessions' {@code SessionStart} records name symbols and
 * brokers; older journals are read from their orders ({@code OrderNew} symbols, the highest routed
 * broker id) and their brokers are named {@code broker-<id>}.
 *
 * @param symbols     symbol names by id.
 * @param brokers     one more than the highest broker id.
 * @param brokerNames broker names by id (the last session's names for an id).
 * @param records     records read.
 * @param routing     the routing configuration of the journal's first session, or null (before version 3).
 * @param sessions    each session in order.
 */
public record JournalLayout(List<String> symbols, int brokers, List<String> brokerNames, long records,
    RoutingConfig routing, List<Session> sessions)
{
    /**
     * One gateway session in a journal: from one start to the next.
     *
     * @param setupSequence the sequence of its RoutingSetup record (its events come after).
     * @param routing       its routing configuration.
     * @param start         its SessionStart record, or null (journals before version 4).
     */
    public record Session(long setupSequence, RoutingConfig routing, SessionStart start)
    {
    }

    /**
     * @param brokerId a broker id from the journal.
     * @return its name, or {@code broker-<id>}.
     */
    public String brokerName(final int brokerId)
    {
        return brokerId >= 0 && brokerId < brokerNames.size() ? brokerNames.get(brokerId) : "broker-" + brokerId;
    }

    /**
     * Reads a journal once to learn its layout.
     *
     * @param directory the journal.
     * @return its layout.
     * @throws JournalException if it cannot be read.
     */
    public static JournalLayout read(final Path directory)
    {
        return read(directory, false);
    }

    /**
     * Reads a journal once to learn its layout.
     *
     * @param directory the journal.
     * @param salvage   read up to damage instead of refusing a damaged journal.
     * @return its layout (salvaging: of what could be read).
     * @throws JournalException if it cannot be read (not salvaging: if it is damaged).
     */
    public static JournalLayout read(final Path directory, final boolean salvage)
    {
        final Scan scan = new Scan();
        try (JournalReader reader = salvage ? JournalReader.salvage(directory) : new JournalReader(directory))
        {
            reader.readAll((templateId, buffer, offset, blockLength, version, index) ->
            {
                scan.records++;
                scan.adapter.onRecord(templateId, buffer, offset, blockLength, version, index);
            });
        }
        return scan.layout();
    }

    private static final class Scan implements JournalListener
    {
        private final JournalAdapter adapter = new JournalAdapter(this);
        private final TreeMap<Integer, String> symbols = new TreeMap<>();
        private final TreeMap<Integer, String> brokerNames = new TreeMap<>();
        private final List<RoutingSetup> setups = new ArrayList<>();
        private final List<SessionStart> starts = new ArrayList<>();
        private int maxBroker = -1;
        private long records;
        private SessionStart pendingStart;

        @Override
        public void onSessionStart(final SessionStart session)
        {
            pendingStart = session;
            for (int id = 0; id < session.symbols().size(); id++)
            {
                symbols.put(id, session.symbols().get(id));
            }
            for (final SessionStart.Broker b : session.brokers())
            {
                brokerNames.put(b.id(), b.name());
                maxBroker = Math.max(maxBroker, b.id());
            }
        }

        @Override
        public void onRoutingSetup(final RoutingSetup setup)
        {
            setups.add(setup);
            starts.add(pendingStart);
            pendingStart = null;
        }

        @Override
        public void onOrderNew(final OrderNewView order)
        {
            final int id = order.symbolId();
            if (id >= 0 && id < 1_000_000 && !symbols.containsKey(id))
            {
                final String name = order.symbolName();
                if (!name.isEmpty())
                {
                    symbols.put(id, name);
                }
            }
        }

        @Override
        public void onOrderRouted(final long sequence, final long timestamp, final long orderId, final int brokerId,
            final int policy)
        {
            maxBroker = Math.max(maxBroker, brokerId);
        }

        JournalLayout layout()
        {
            final List<String> symbolList = new ArrayList<>();
            for (int id = 0; !symbols.isEmpty() && id <= symbols.lastKey(); id++)
            {
                // never traded: a placeholder keeps the ids aligned
                symbolList.add(symbols.getOrDefault(id, "SYMBOL" + id));
            }
            final SymbolTable table = new SymbolTable(symbolList);
            final List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < setups.size(); i++)
            {
                final RoutingConfig routing = JournaledRouting.fromRecord(setups.get(i), table, 100_000_000L);
                maxBroker = Math.max(maxBroker, routing.chain().size() - 1);
                sessions.add(new Session(setups.get(i).sequence(), routing, starts.get(i)));
            }
            final List<String> names = new ArrayList<>();
            for (int id = 0; id <= maxBroker; id++)
            {
                names.add(brokerNames.getOrDefault(id, "broker-" + id));
            }
            return new JournalLayout(List.copyOf(symbolList), maxBroker + 1, List.copyOf(names), records,
                sessions.isEmpty() ? null : sessions.get(0).routing(), List.copyOf(sessions));
        }
    }
}
