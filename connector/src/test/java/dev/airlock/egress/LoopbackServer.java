package dev.airlock.egress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A small HTTP server on 127.0.0.1 that serves fixed responses by path and records every request it receives. */
public final class LoopbackServer implements AutoCloseable {

    /** A fixed response. */
    public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

        public static Response html(String html) {
            return new Response(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Response of(String contentType, byte[] body, Map<String, String> headers) {
            return new Response(200, contentType, body, headers);
        }

        public static Response redirect(String location) {
            return new Response(302, "text/plain", new byte[0], Map.of("Location", location));
        }
    }

    private final HttpServer server;
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private LoopbackServer(HttpServer server) {
        this.server = server;
    }

    public static LoopbackServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LoopbackServer loopback = new LoopbackServer(server);
            server.createContext("/", loopback::handle);
            server.start();
            return loopback;
        } catch (IOException e) {
            throw new IllegalStateException("Failed to start a test server on 127.0.0.1", e);
        }
    }

    public LoopbackServer serve(String path, Response response) {
        responses.put(path, response);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    /** Returns the paths of every request received so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the requests received so far. */
    public void clearRequests() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        Response response = responses.getOrDefault(path,
                new Response(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), Map.of()));
        exchange.getResponseHeaders().add("Content-Type", response.contentType());
        response.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        if (response.body().length > 0) {
            exchange.getResponseBody().write(response.body());
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
