package io.ordergateway.core.reconcile;

import io.ordergateway.core.agent.ManualClock;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.broker.CapabilityOverride;
import io.ordergateway.core.broker.SymbolTerms;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.RecordFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a broker says it accepts per symbol, asked at start, feeds the route filter and the journal;
 * the configuration's {@code capabilities:} wins over it.
 */
class BrokerTermsDiscoveryTest
{
    @TempDir
    Path journal;

    private final ManualClock clock = new ManualClock(1_800_000_000_000_000_000L);

    private OrderGateway start(final ScriptedBroker broker, final ReconciliationSettings settings)
    {
        final OrderGateway gateway = OrderGateway.builder().instanceId("d1").symbols("AAPL", "MSFT").broker(broker)
            .journalDirectory(journal).threadingMode(ThreadingMode.INVOKER).clock(clock).reconciliation(settings)
            .build();
        for (int i = 0; i < 20; i++)
        {
            clock.advance(10, TimeUnit.MILLISECONDS);
            gateway.invoker().invoke();
        }
        return gateway;
    }

    private static void send(final OrderGateway gateway, final int symbol, final Side side)
    {
        gateway.submit(new NewOrder().account(1).symbol(symbol).side(side).type(OrderType.MARKET)
            .quantity(quantity(1)));
        for (int i = 0; i < 5; i++)
        {
            gateway.invoker().invoke();
        }
    }

    private List<String> lines()
    {
        final List<String> lines = new ArrayList<>();
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.readAll(new JournalAdapter(new RecordFormatter((type, line) -> lines.add(line.toString()))));
        }
        return lines;
    }

    @Test
    void aSymbolTheBrokerCannotShortIsNotRoutedThereToOpenAShort()
    {
        final ScriptedBroker broker = new ScriptedBroker();
        broker.terms = List.of(new SymbolTerms("AAPL", true, false, false, true, true),
            new SymbolTerms("MSFT", true, true, true, true, true));
        try (OrderGateway gateway = start(broker, ReconciliationSettings.defaults()))
        {
            send(gateway, 0, Side.SELL); // would open a short in AAPL
            assertThat(broker.news).hasValue(0);
            send(gateway, 1, Side.SELL); // MSFT can be shorted there
            assertThat(broker.news).hasValue(1);
            send(gateway, 0, Side.BUY);
            assertThat(broker.news).hasValue(2);
        }
        assertThat(lines()).anySatisfy(l -> assertThat(l).contains("BrokerTerms").contains("AAPL:not-shortable"))
            .anySatisfy(l -> assertThat(l).contains("OrderDenied").contains("NO_BROKER_AVAILABLE"));
    }

    @Test
    void theConfigurationsCapabilitiesWinOverWhatTheBrokerSays()
    {
        final ScriptedBroker broker = new ScriptedBroker(); // says everything is tradable
        final ReconciliationSettings settings = ReconciliationSettings.defaults().withCapabilities(Map.of("scripted",
            new CapabilityOverride(null, null, null, null, null,
            Map.of("MSFT", new CapabilityOverride.Symbol(false, null, null)))));
        try (OrderGateway gateway = start(broker, settings))
        {
            send(gateway, 1, Side.BUY);
            assertThat(broker.news).as("MSFT is not tradable there, by the configuration").hasValue(0);
            send(gateway, 0, Side.BUY);
            assertThat(broker.news).hasValue(1);
        }
        assertThat(lines()).anySatisfy(l -> assertThat(l).contains("BrokerTerms").contains("MSFT:not-tradable"));
    }
}
