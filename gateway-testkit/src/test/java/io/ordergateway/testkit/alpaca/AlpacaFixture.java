package io.ordergateway.testkit.alpaca;

import io.ordergateway.adapters.alpaca.AlpacaBroker;
import io.ordergateway.adapters.alpaca.AlpacaConfig;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.core.api.OrderGateway;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * One Alpaca simulator on a loopback port, the adapter pointed at it, and a gateway trading
 * through the adapter, with its reports collected. Closes all three.
 */
final class AlpacaFixture implements AutoCloseable
{
    final AlpacaSimulator simulator;
    final AlpacaBroker broker;
    final OrderGateway gateway;
    final ReportCollector reports;

    /**
     * @param config     the simulator's settings.
     * @param adapter    the adapter's settings, given the simulator's URL.
     * @param instanceId the gateway's instance id (the client order id prefix).
     * @param journal    the journal directory.
     * @throws InterruptedException if interrupted while the simulator binds.
     */
    AlpacaFixture(final AlpacaSimulator.Config config, final Function<URI, AlpacaConfig> adapter,
        final String instanceId, final Path journal) throws InterruptedException
    {
        simulator = new AlpacaSimulator(config).start(0);
        broker = new AlpacaBroker(adapter.apply(simulator.url()));
        gateway = OrderGateway.builder().instanceId(instanceId).symbols("AAPL", "MSFT").broker(broker)
            .journalDirectory(journal).build();
        reports = new ReportCollector(gateway);
    }

    @Override
    public void close()
    {
        gateway.close();
        simulator.close();
    }
}
