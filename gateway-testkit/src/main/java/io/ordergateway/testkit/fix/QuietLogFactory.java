package io.ordergateway.testkit.fix;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QuickFIX/J's session log on SLF4J: errors at warn; session events and every message (with '|' for SOH) at info
 * when verbose, else not at all.
 */
final class QuietLogFactory implements LogFactory
{
    private static final Logger LOG = LoggerFactory.getLogger(FixCounterparty.class);

    private final boolean verbose;

    QuietLogFactory(final boolean verbose)
    {
        this.verbose = verbose;
    }

    @Override
    public Log create(final SessionID sessionId)
    {
        return new Log()
        {
            @Override
            public void clear()
            {
            }

            @Override
            public void onIncoming(final String message)
            {
                if (verbose)
                {
                    LOG.info("{} in:  {}", sessionId, message.replace('\u0001', '|'));
                }
            }

            @Override
            public void onOutgoing(final String message)
            {
                if (verbose)
                {
                    LOG.info("{} out: {}", sessionId, message.replace('\u0001', '|'));
                }
            }

            @Override
            public void onEvent(final String text)
            {
                if (verbose)
                {
                    LOG.info("{}: {}", sessionId, text);
                }
            }

            @Override
            public void onErrorEvent(final String text)
            {
                if (verbose)
                {
                    LOG.warn("{}: {}", sessionId, text);
                }
            }
        };
    }
}
