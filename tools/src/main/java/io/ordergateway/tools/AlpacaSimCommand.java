package io.ordergateway.tools;

import io.ordergateway.adapters.alpaca.AlpacaConfig;
import io.ordergateway.testkit.alpaca.AlpacaSimulator;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code gateway alpaca-sim}: the Alpaca-compatible simulator as a server of its own, for
 * {@code gateway demo --broker alpaca --alpaca-url http://127.0.0.1:PORT} or any other Alpaca
 * client. It expects the credentials of {@code ALPACA_API_KEY} and {@code ALPACA_SECRET_KEY}.
 */
@Command(
    name = "alpaca-sim",
    mixinStandardHelpOptions = true,
    header = "Serve the Alpaca-compatible simulator on a loopback port.",
    description = "REST /v2/... and the trade_updates stream at /stream. Clients must send the key and secret of "
    + "ALPACA_API_KEY "
        + "and ALPACA_SECRET_KEY. Stops on Ctrl-C or after --seconds.")
final class AlpacaSimCommand implements Callable<Integer>
{
    @Option(names = "--port", paramLabel = "P",
        description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--symbols", split = ",", paramLabel = "S", description = "Tradable symbols (default: the demo's).")
    List<String> symbols = List.of("AAPL", "MSFT", "GOOG", "AMZN", "TSLA", "NVDA");

    @Option(names = "--seconds", paramLabel = "N", description = "Stop after N seconds (default: run until stopped).")
    long seconds;

    @Option(names = "--requests-per-minute", paramLabel = "R",
        description = "Request budget a minute (default: ${DEFAULT-VALUE}, Alpaca's).")
    int requestsPerMinute = 200;

    @Option(names = "--seed", description = "Seed of prices, fills and ids (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--fail-rate", paramLabel = "F",
        description = "Fraction of REST requests answered 500 at random, not acted on (default: 0).")
    double failRate;

    @Option(names = "--drop-stream-every", paramLabel = "N",
        description = "Close every trade_updates connection after each N messages (default: never).")
    int dropStreamEvery;

    @Override
    public Integer call() throws Exception
    {
        final Map<String, String> env = System.getenv();
        final String key = env.get(AlpacaConfig.KEY_VARIABLE);
        final String secret = env.get(AlpacaConfig.SECRET_VARIABLE);
        if (key == null || key.isBlank() || secret == null || secret.isBlank())
        {
            throw new IllegalArgumentException("set " + AlpacaConfig.KEY_VARIABLE + " and "
                + AlpacaConfig.SECRET_VARIABLE + ": the simulator accepts only those credentials");
        }
        final Map<String, Long> prices = DemoCommand.prices();
        final AlpacaSimulator simulator = new AlpacaSimulator(AlpacaSimulator.Config.defaults(symbols, key, secret)
            .withEngine(SimBrokerConfig.defaults("alpaca-sim").withReferencePrices(prices).withSeed(seed))
            .withRateLimit(requestsPerMinute, 60_000)).start(port);
        if (failRate < 0 || failRate >= 1 || dropStreamEvery < 0)
        {
            simulator.close();
            throw new IllegalArgumentException("--fail-rate must be in [0, 1) and --drop-stream-every not negative");
        }
        simulator.failRequests(failRate);
        simulator.dropStreamEvery(dropStreamEvery);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            simulator.close();
            stopped.countDown();
        }, "alpaca-sim-stop"));
        System.out.printf("Alpaca simulator serving %s (stream %s), symbols %s, %d requests a minute%n",
            simulator.url(), AlpacaConfig.streamUrlFor(simulator.url()), String.join(",", symbols), requestsPerMinute);
        if (seconds > 0)
        {
            stopped.await(seconds, TimeUnit.SECONDS);
            simulator.close();
        }
        else
        {
            stopped.await();
        }
        return 0;
    }
}
