package io.ordergateway.runtime.launch;

import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.runtime.admin.AdminServer;
import io.ordergateway.runtime.config.ConfigWatcher;
import io.ordergateway.runtime.config.GatewayConfig;

/**
 * A gateway {@link GatewayLauncher} started, with its watcher and admin endpoint. Closing it stops
 * the admin endpoint, then the gateway (which stops the watcher, an agent of its own).
 */
public final class LaunchedGateway implements AutoCloseable
{
    private final GatewayConfig config;
    private final OrderGateway gateway;
    private final ConfigWatcher watcher;
    private final AdminServer admin;

    LaunchedGateway(final GatewayConfig config, final OrderGateway gateway, final ConfigWatcher watcher,
        final AdminServer admin)
    {
        this.config = config;
        this.gateway = gateway;
        this.watcher = watcher;
        this.admin = admin;
    }

    /**
     * A gateway the caller built itself, with the admin endpoint on a loopback port if asked for
     * (no configuration file, so nothing to watch).
     *
     * @param gateway   the gateway, built.
     * @param adminPort the admin endpoint's loopback port (0: any free one), or -1 for none.
     * @return the gateway with what was asked around it; the gateway is closed if the endpoint cannot start.
     * @throws InterruptedException if interrupted while the endpoint binds.
     */
    public static LaunchedGateway of(final OrderGateway gateway, final int adminPort) throws InterruptedException
    {
        AdminServer admin = null;
        if (adminPort >= 0)
        {
            try
            {
                admin = new AdminServer(gateway, "127.0.0.1", adminPort, null);
            }
            catch (final RuntimeException | InterruptedException ex)
            {
                gateway.close();
                throw ex;
            }
        }
        return new LaunchedGateway(null, gateway, null, admin);
    }

    /** @return the configuration it was started with, or null for a gateway built in code. */
    public GatewayConfig config()
    {
        return config;
    }

    /** @return the gateway. */
    public OrderGateway gateway()
    {
        return gateway;
    }

    /** @return the configuration file's watcher, or null when not watching. */
    public ConfigWatcher watcher()
    {
        return watcher;
    }

    /** @return the admin endpoint, or null when it is off. */
    public AdminServer admin()
    {
        return admin;
    }

    @Override
    public void close()
    {
        if (admin != null)
        {
            admin.close();
        }
        gateway.close();
    }
}
