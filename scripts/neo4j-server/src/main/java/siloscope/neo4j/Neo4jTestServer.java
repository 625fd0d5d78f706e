package siloscope.neo4j;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * A local, throw-away Neo4j server for siloscope's development and tests: embedded Neo4j Community with
 * only the Bolt connector, bound to loopback, authentication off, everything stored under one directory
 * that the caller creates and deletes (scripts/lib/neo4j-server.ts does both).
 *
 * Prints one line {@code READY bolt://host:port neo4j-<version>} on stdout once the default database is
 * available, and shuts the DBMS down cleanly (checkpoint, close store files) on SIGTERM or SIGINT.
 *
 * Never expose this to a network: with auth disabled anyone who reaches the port owns the database,
 * which is why the host defaults to 127.0.0.1 and the caller has to ask for anything else.
 */
public final class Neo4jTestServer {

    private static final String USAGE = String.join(
            "\n",
            "usage: java -jar neo4j-server.jar --data DIR [--port N] [--host ADDR] [--pagecache SIZE] [--logs DIR]",
            "  --data DIR        store directory (created if missing; the caller owns its lifetime)",
            "  --port N          Bolt port (default: $NEO4J_PORT or 7687)",
            "  --host ADDR       Bolt listen address (default: 127.0.0.1)",
            "  --pagecache SIZE  page cache, e.g. 256m, 1g (default: 256m)",
            "  --logs DIR        Neo4j's debug.log directory (default: DIR/logs)");

    private static final Duration DATABASE_AVAILABLE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(1);

    private Neo4jTestServer() {}

    record Options(Path data, Path logs, String host, int port, long pageCacheBytes) {}

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-server: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        DatabaseManagementService dbms;
        try {
            dbms = start(options);
        } catch (RuntimeException e) {
            // The usual causes: the port is taken, or the directory holds a store from another version.
            System.err.println("neo4j-server: failed to start on " + options.host() + ":" + options.port());
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j-server: shutting down");
            try {
                dbms.shutdown();
            } finally {
                System.out.println("neo4j-server: stopped");
                System.out.flush();
                stopped.countDown();
            }
        }, "neo4j-server-shutdown"));

        PrintStream out = System.out;
        out.printf(Locale.ROOT, "READY bolt://%s:%d neo4j-%s%n", options.host(), options.port(), Version.getNeo4jVersion());
        out.flush();
        // Neo4j's own threads may all be daemons; park here so only a signal ends the process.
        stopped.await();
    }

    static DatabaseManagementService start(Options o) {
        try {
            Files.createDirectories(o.data());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data directory " + o.data(), e);
        }
        SocketAddress bolt = new SocketAddress(o.host(), o.port());
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(o.data())
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(GraphDatabaseSettings.logs_directory, o.logs())
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Bolt otherwise idles 5 s twice on shutdown waiting for clients that a test run has closed.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, SHUTDOWN_WAIT)
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, SHUTDOWN_WAIT)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, o.pageCacheBytes())
                // A test store lives minutes: no usage reports to the internet (there is none here anyway),
                // no 250 MB preallocated transaction logs, no history kept beyond what recovery needs.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .build();
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(DATABASE_AVAILABLE_TIMEOUT.toMillis())) {
            dbms.shutdown();
            throw new IllegalStateException("database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                    + "' not available after " + DATABASE_AVAILABLE_TIMEOUT.toSeconds() + " s");
        }
        return dbms;
    }

    static Options parse(String[] args, Map<String, String> env) {
        Path data = null;
        Path logs = null;
        String host = "127.0.0.1";
        String envPort = env.get("NEO4J_PORT");
        int port = envPort == null || envPort.isBlank() ? BoltConnector.DEFAULT_PORT : parsePort(envPort, "$NEO4J_PORT");
        long pageCache = parseBytes("256m");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--data" -> data = Path.of(value).toAbsolutePath();
                case "--logs" -> logs = Path.of(value).toAbsolutePath();
                case "--host" -> host = value;
                case "--port" -> port = parsePort(value, "--port");
                case "--pagecache" -> pageCache = parseBytes(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data DIR is required");
        }
        return new Options(data, logs == null ? data.resolve("logs") : logs, host, port, pageCache);
    }

    static int parsePort(String text, String what) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a port number 1-65535, got '" + text + "'");
        }
    }

    /** Sizes as Neo4j's own config writes them: a number with an optional k, m or g suffix (binary units). */
    static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("k")) {
            unit = 1L << 10;
        } else if (t.endsWith("m")) {
            unit = 1L << 20;
        } else if (t.endsWith("g")) {
            unit = 1L << 30;
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("size must look like 256m or 1g, got '" + text + "'");
        }
    }
}
