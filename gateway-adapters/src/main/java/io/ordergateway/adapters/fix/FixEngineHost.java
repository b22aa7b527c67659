package io.ordergateway.adapters.fix;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.FixEngine;
import uk.co.real_logic.artio.engine.LowResourceEngineScheduler;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.SessionAcquireHandler;
import uk.co.real_logic.artio.session.ResendRequestController;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Artio's parts for one FIX broker: an Aeron media driver with an archive (the engine records every message there,
 * to answer resend requests after restarts), the FIX engine that owns the TCP connection, and the library the
 * adapter's agent polls. All state lives under one directory, kept across restarts: sequence numbers
 * ({@code artio/}), sent messages ({@code archive/}); the Aeron directory is scratch, under the temporary directory,
 * named after the state directory so a restart reuses and cleans it.
 *
 * <p>Threads (made by the gateway's factory, so named and listed with its own): the media driver and the archive,
 * one each (SHARED), the engine's framer, indexer and Aeron client on one ({@link LowResourceEngineScheduler}), and
 * the library's monitor; all idle by backing off to parked, so an idle session costs no CPU. The library itself is
 * polled by the adapter's agent.
 */
final class FixEngineHost implements AutoCloseable
{
    private static final String IPC = "aeron:ipc";
    /** The longest an idle Artio or Aeron thread parks: a message waits at most this long at each of their hops. */
    private static final long IDLE_MAX_PARK_NANOS = Long.getLong("gateway.fix.idleMaxParkNanos", 100_000);

    private final ArchivingMediaDriver driver;
    private final FixEngine engine;
    private final FixLibrary library;

    private FixEngineHost(final ArchivingMediaDriver driver, final FixEngine engine, final FixLibrary library)
    {
        this.driver = driver;
        this.engine = engine;
        this.library = library;
    }

    /**
     * Starts the driver, archive and engine, and connects a library (which completes its connection as it is
     * polled).
     *
     * @param directory  the broker's state directory.
     * @param threads    makes every thread.
     * @param heartbeat  heartbeat interval in seconds.
     * @param acquire    receives the session once it is initiated.
     * @param resends    decides what a resend request gets.
     * @return the running parts.
     */
    static FixEngineHost launch(final Path directory, final ThreadFactory threads, final int heartbeat,
        final SessionAcquireHandler acquire, final ResendRequestController resends)
    {
        final File dir = directory.toFile();
        final String aeronDir = new File(System.getProperty("java.io.tmpdir"),
            "aeron-gateway-fix-" + Integer.toHexString(dir.getAbsolutePath().hashCode())).getAbsolutePath();
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idle())
            .sharedThreadFactory(threads)
            .termBufferSparseFile(false)
            .ipcTermBufferLength(1 << 21)
            .publicationTermBufferLength(1 << 21)
            .spiesSimulateConnection(true)
            .asyncTaskExecutorThreads(0);
        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(new File(dir, "archive"))
            // the mark file lives with the scratch Aeron directory, cleaned at start: one left by a killed process
            // would otherwise look active and refuse the restart
            .markFileDir(new File(aeronDir, "archive-mark"))
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(FixEngineHost::idle)
            .threadFactory(threads)
            .controlChannelEnabled(false)
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel(IPC))
            .replicationChannel("aeron:udp?endpoint=localhost:0")
            .recordingEventsEnabled(false)
            .deleteArchiveOnStart(false);
        ArchivingMediaDriver driver = null;
        FixEngine engine = null;
        try
        {
            driver = ArchivingMediaDriver.launch(driverContext, archiveContext);
            final EngineConfiguration configuration = new EngineConfiguration()
                .libraryAeronChannel(IPC)
                .logFileDir(new File(dir, "artio").getAbsolutePath())
                .deleteLogFileDirOnStart(false)
                .errorIfDuplicateEngineDetected(false)
                .acceptorfixDictionary(io.ordergateway.adapters.fix.codec.FixDictionaryImpl.class)
                .scheduler(new LowResourceEngineScheduler())
                .framerIdleStrategy(idle());
            configuration.threadFactory(threads);
            configuration.monitoringFile(new File(aeronDir, "engine-counters").getAbsolutePath());
            configuration.printErrorMessages(true); // off, a logon after a few failed connects never completed here
            configuration.defaultHeartbeatIntervalInS(heartbeat);
            // the resend rule is the library's (the adapter's thread); a session the engine ever took over would
            // answer resends as Artio does by default, not read the adapter's state from the engine's thread
            configuration.aeronContext().aeronDirectoryName(aeronDir);
            configuration.aeronArchiveContext()
                .aeronDirectoryName(aeronDir)
                .controlRequestChannel(archiveContext.localControlChannel())
                .controlRequestStreamId(archiveContext.localControlStreamId())
                .controlResponseChannel(IPC);
            engine = FixEngine.launch(configuration);
            final LibraryConfiguration libraryConfiguration = new LibraryConfiguration()
                .libraryAeronChannels(List.of(IPC))
                .sessionAcquireHandler(acquire);
            libraryConfiguration.threadFactory(threads);
            libraryConfiguration.monitoringFile(new File(aeronDir, "library-counters").getAbsolutePath());
            libraryConfiguration.printErrorMessages(true);
            libraryConfiguration.defaultHeartbeatIntervalInS(heartbeat);
            libraryConfiguration.resendRequestController(resends);
            libraryConfiguration.aeronContext().aeronDirectoryName(aeronDir);
            final FixLibrary library = FixLibrary.connect(libraryConfiguration);
            return new FixEngineHost(driver, engine, library);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(engine, driver);
            throw ex;
        }
    }

    private static BackoffIdleStrategy idle()
    {
        return new BackoffIdleStrategy(10, 10, 1_000, IDLE_MAX_PARK_NANOS);
    }

    /**
     * @return the library, for the adapter's agent only.
     */
    FixLibrary library()
    {
        return library;
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(library, engine, driver);
    }
}
