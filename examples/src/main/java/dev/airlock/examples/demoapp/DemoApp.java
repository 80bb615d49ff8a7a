package dev.airlock.examples.demoapp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small invoice web app on loopback, the target of Airlock's demo and browser tests.
 *
 * <p>Pages: login, invoice list, invoice detail with a PDF download and a "Pay" button, and a vendor
 * message page whose text tries to instruct an automated agent. Payments are kept in memory so tests can
 * check that an invoice was paid exactly once.
 */
public final class DemoApp implements AutoCloseable {

    /** Port of {@link #main}, the origin the task files in {@code examples/tasks} and the example identity allow. */
    public static final int DEFAULT_MAIN_PORT = 8086;

    private static final Logger log = LoggerFactory.getLogger(DemoApp.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Ledger ledger;
    private final URI baseUrl;

    private DemoApp(HttpServer server, ExecutorService executor, Ledger ledger, URI baseUrl) {
        this.server = server;
        this.executor = executor;
        this.ledger = ledger;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts the app and returns once it accepts connections.
     *
     * @throws IllegalArgumentException if the host is not a loopback address, because the login is public
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static DemoApp start(DemoAppOptions options) {
        InetAddress address = loopbackAddress(options.host());
        Ledger ledger = new Ledger();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, options.port()), 0);
            server.createContext("/", new DemoRoutes(options, ledger));
            server.setExecutor(executor);
            server.start();
            URI baseUrl = URI.create("http://" + options.host() + ":" + server.getAddress().getPort() + "/");
            log.info("Demo app listening on {}", baseUrl);
            return new DemoApp(server, executor, ledger, baseUrl);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("Failed to start the demo app on " + options.host() + ":" + options.port()
                    + ". Check that the port is free, or pass port 0 for a free one.", e);
        }
    }

    public static DemoApp start() {
        return start(DemoAppOptions.defaults());
    }

    /** Returns the app's root URL with a trailing slash, for example {@code http://127.0.0.1:41234/}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Returns how many payments were made for the invoice since the app started. */
    public int paymentCount(String invoiceId) {
        return ledger.count(invoiceId);
    }

    /** Returns every payment since the app started, oldest first. */
    public List<Payment> payments() {
        return ledger.all();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log.info("Demo app on {} stopped", baseUrl);
    }

    /** Runs the app until the process is stopped. Arguments: {@code [--host ADDRESS] [--port PORT]}, port 8086 by default. */
    public static void main(String[] args) throws InterruptedException {
        DemoAppOptions options = DemoAppOptions.defaults().withPort(DEFAULT_MAIN_PORT);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--host" -> options = options.withHost(required(args[i], value));
                case "--port" -> options = options.withPort(Integer.parseInt(required(args[i], value)));
                default -> throw new IllegalArgumentException(
                        "Unknown argument '" + args[i] + "'. Usage: DemoApp [--host ADDRESS] [--port PORT]");
            }
            i++;
        }
        DemoApp app = start(options);
        System.out.println("Demo app: " + app.baseUrl() + " (user " + options.username() + ", password "
                + options.password() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException("Missing value for " + option + ". Usage: DemoApp [--host ADDRESS] [--port PORT]");
        }
        return value;
    }

    private static InetAddress loopbackAddress(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("Invalid demo app host '" + host
                        + "': the demo login is public, so the app binds only to loopback addresses such as 127.0.0.1");
            }
            return address;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("Invalid demo app host '" + host + "': it does not resolve. Use 127.0.0.1.", e);
        }
    }
}
