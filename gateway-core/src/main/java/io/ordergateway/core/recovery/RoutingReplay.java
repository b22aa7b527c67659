package io.ordergateway.core.recovery;

import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.routing.RouteStage;
import io.ordergateway.core.routing.RoutingChanges;
import io.ordergateway.journal.JournalReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a journal's events through fresh route stages, one per gateway session, each configured as
 * that session was ({@code RoutingSetup}) and restored from the earlier events as the live gateway
 * was at its start, and compares the decisions they make (failures counted, breakers, failovers,
 * probes, recoveries, pauses) with the ones the live gateway journaled. Equal lists show that the
 * switches were made from the journaled events alone, and that a replay reproduces them.
 */
public final class RoutingReplay
{
    /**
     * The comparison.
     *
     * @param journaled the decisions in the journal.
     * @param replayed  the decisions replay made.
     */
    public record Result(List<JournalReplayer.RoutingSwitch> journaled, List<JournalReplayer.RoutingSwitch> replayed)
    {
        /**
         * @return true when replay made exactly the journaled decisions, in order.
         */
        public boolean same()
        {
            return journaled.equals(replayed);
        }

        /**
         * @return the journaled switches an operator cares about (failover, recovery, pause, resume, commands).
         */
        public List<JournalReplayer.RoutingSwitch> switches()
        {
            return journaled.stream().filter(s -> s.kind() != null && s.kind().isSwitch()).toList();
        }
    }

    private RoutingReplay()
    {
    }

    /**
     * @param directory the journal.
     * @return the comparison, or null when the journal has no routing setup (written before schema version 3).
     */
    public static Result run(final Path directory)
    {
        final JournalLayout layout = JournalLayout.read(directory);
        if (layout.sessions().isEmpty())
        {
            return null;
        }
        final SymbolTable symbols = new SymbolTable(layout.symbols());
        final List<JournalReplayer.RoutingSwitch> replayed = new ArrayList<>();
        List<JournalReplayer.RoutingSwitch> journaled = List.of();
        final List<JournalLayout.Session> sessions = layout.sessions();
        for (int s = 0; s < sessions.size(); s++)
        {
            // As the live gateway did at each start: a route stage with that session's configuration, given every
            // earlier
            // event to restore its books (decisions then are not kept), then the session's own events.
            final long from = sessions.get(s).setupSequence();
            // through its last event
            final long until = s + 1 < sessions.size() ? sessions.get(s + 1).setupSequence() + 1 : Long.MAX_VALUE;
            final RouteStage route = RouteStage.takingEverything(sessions.get(s).routing(), symbols);
            final JournalReplayer replayer = new JournalReplayer((event, sequence, endOfBatch) ->
            {
                route.onEvent(event, sequence, endOfBatch);
                if (sequence > from)
                {
                    final RoutingChanges changes = event.routingChanges;
                    for (int i = 0; i < changes.size(); i++)
                    {
                        replayed.add(new JournalReplayer.RoutingSwitch(sequence, event.timestamp, changes.kind(i),
                            changes.broker(i), changes.other(i), changes.value(i)));
                    }
                }
            }, symbols, layout.brokers());
            try (JournalReader reader = new JournalReader(directory))
            {
                replayer.replay(reader, until);
            }
            journaled = replayer.journaledRoutingChanges();
        }
        return new Result(List.copyOf(journaled), replayed);
    }
}
