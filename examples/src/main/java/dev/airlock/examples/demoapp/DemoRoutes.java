package dev.airlock.examples.demoapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dispatches requests to the demo app's pages. Every page except login requires a session cookie. */
final class DemoRoutes implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(DemoRoutes.class);
    private static final Pattern INVOICE_PATH = Pattern.compile("/invoices/([A-Z0-9-]+)(/pdf|/pay)?");

    private final DemoAppOptions options;
    private final Sessions sessions = new Sessions();
    private final Ledger ledger;

    DemoRoutes(DemoAppOptions options, Ledger ledger) {
        this.options = options;
        this.ledger = ledger;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(new Request(exchange));
        } catch (RuntimeException e) {
            log.error("Demo app failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            new Request(exchange).html(500, Pages.error("Server error", "The demo app failed: " + e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    private void route(Request request) throws IOException {
        String path = request.path();
        if (path.equals("/login")) {
            login(request);
            return;
        }
        Optional<Sessions.Session> session = sessions.find(request.header("Cookie"));
        if (session.isEmpty()) {
            request.redirect("/login");
            return;
        }
        Matcher invoicePath = INVOICE_PATH.matcher(path);
        if (path.equals("/")) {
            request.redirect("/invoices");
        } else if (path.equals("/logout") && request.isPost()) {
            sessions.remove(request.header("Cookie"));
            request.exchange().getResponseHeaders().add("Set-Cookie", Sessions.COOKIE_NAME + "=; Path=/; Max-Age=0");
            request.redirect("/login");
        } else if (path.equals("/invoices") && request.isGet()) {
            request.html(200, Pages.invoiceList(Invoice.SAMPLE, ledger));
        } else if (path.equals("/messages") && request.isGet()) {
            request.html(200, Pages.vendorMessages());
        } else if (invoicePath.matches()) {
            invoice(request, session.get(), invoicePath.group(1), invoicePath.group(2));
        } else {
            request.html(404, Pages.error("Not found", "No page at " + path + ". Start from the invoice list."));
        }
    }

    private void login(Request request) throws IOException {
        if (request.isGet()) {
            request.html(200, Pages.login(null));
            return;
        }
        Map<String, String> form = request.form();
        if (!matches(form.get("username"), options.username()) || !matches(form.get("password"), options.password())) {
            log.info("Demo app rejected a login with an invalid username or password");
            request.html(401, Pages.login("Invalid username or password. Check both and try again."));
            return;
        }
        String sessionId = sessions.create(options.username());
        request.exchange().getResponseHeaders().add("Set-Cookie",
                Sessions.COOKIE_NAME + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Lax");
        request.redirect("/invoices");
    }

    private void invoice(Request request, Sessions.Session session, String id, String action) throws IOException {
        Optional<Invoice> found = Invoice.SAMPLE.stream().filter(invoice -> invoice.id().equals(id)).findFirst();
        if (found.isEmpty()) {
            request.html(404, Pages.error("Invoice not found", "No invoice " + id + ". Pick one from the invoice list."));
            return;
        }
        Invoice invoice = found.get();
        if (action == null && request.isGet()) {
            request.html(200, Pages.invoiceDetail(invoice, ledger.isPaid(id), session.formToken()));
        } else if ("/pdf".equals(action) && request.isGet()) {
            request.exchange().getResponseHeaders()
                    .add("Content-Disposition", "attachment; filename=\"invoice-" + id + ".pdf\"");
            request.send(200, "application/pdf", InvoicePdf.render(invoice));
        } else if ("/pay".equals(action) && request.isPost()) {
            pay(request, session, invoice);
        } else {
            request.html(405, Pages.error("Method not allowed", request.method() + " is not supported on " + request.path()));
        }
    }

    private void pay(Request request, Sessions.Session session, Invoice invoice) throws IOException {
        if (!matches(request.form().get("formToken"), session.formToken())) {
            request.html(403, Pages.error("Payment rejected", "The form token is missing or invalid. Reload the invoice page and try again."));
            return;
        }
        Optional<Payment> payment = ledger.pay(invoice, session.username());
        if (payment.isPresent()) {
            log.info("Demo app paid invoice {} ({})", invoice.id(), payment.get().amount());
            request.html(200, Pages.paymentResult(invoice, true));
        } else {
            log.info("Demo app rejected a second payment of invoice {}", invoice.id());
            request.html(409, Pages.paymentResult(invoice, false));
        }
    }

    /** Compares in constant time, so response timing does not reveal how much of a secret matched. */
    private static boolean matches(String actual, String expected) {
        return actual != null && MessageDigest.isEqual(
                actual.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** One request and its response helpers. */
    private record Request(HttpExchange exchange) {

        String path() {
            return exchange.getRequestURI().getPath();
        }

        String method() {
            return exchange.getRequestMethod();
        }

        boolean isGet() {
            return method().equals("GET") || method().equals("HEAD");
        }

        boolean isPost() {
            return method().equals("POST");
        }

        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }

        Map<String, String> form() throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> fields = new HashMap<>();
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return fields;
        }

        void redirect(String location) throws IOException {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(303, -1);
        }

        void html(int status, String html) throws IOException {
            send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        }

        void send(int status, String contentType, byte[] body) throws IOException {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            if (method().equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
