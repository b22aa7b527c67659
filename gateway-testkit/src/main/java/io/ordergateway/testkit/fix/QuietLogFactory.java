package io.ordergateway.testkit.fix;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QuickFIX/J's session log, quiet: messages are not logged, session events go to SLF4J at debug and errors at
 * warn.
 */
final class QuietLogFactory implements LogFactory
{
    private static final Logger LOG = LoggerFactory.getLogger(FixCounterparty.class);

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
            }

            @Override
            public void onOutgoing(final String message)
            {
            }

            @Override
            public void onEvent(final String text)
            {
                LOG.debug("{}: {}", sessionId, text);
            }

            @Override
            public void onErrorEvent(final String text)
            {
                LOG.warn("{}: {}", sessionId, text);
            }
        };
    }
}
