package dev.airlock.egress;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.HttpHeader;
import dev.airlock.evidence.NetworkEvent;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Completes a routed request whose response may redirect, checking every hop against the allowlist. */
final class RedirectFollower {

    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_HOPS = 20;

    private final OriginAllowlist allowlist;
    private final EgressGuard guard;

    RedirectFollower(OriginAllowlist allowlist, EgressGuard guard) {
        this.allowlist = allowlist;
        this.guard = guard;
    }

    /** Fulfills the route with the response, or handles the redirect it carries. */
    void complete(Route route, Request request, String url, APIResponse response) {
        String target = redirectTarget(url, response);
        if (target == null && isDownload(request, response)) {
            // Chromium cancels a download whose response comes from route.fulfill, so the browser fetches it itself.
            // The response just fetched is not a redirect, so the browser's own request goes to the same origin.
            route.resume();
            return;
        }
        if (target == null) {
            route.fulfill(new Route.FulfillOptions().setResponse(response));
            return;
        }
        if (!allowlist.allows(target)) {
            guard.block(request, target, "redirect from " + url + " to an origin not on the allowlist");
            route.abort("blockedbyclient");
            return;
        }
        if (request.isNavigationRequest()) {
            route.fulfill(refreshPage(target, response));
        } else {
            follow(route, request, target, response.status());
        }
    }

    /**
     * Hands a document redirect back as a page that refreshes to the target at once, so the browser's next request
     * is a new navigation that passes through the route again. Cookies set by the redirect response are kept.
     *
     * <p>NOTE: the refresh is a GET, so a 307 or 308 redirect of a POST loses its body.
     */
    private static Route.FulfillOptions refreshPage(String target, APIResponse response) {
        String escaped = target.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "text/html; charset=utf-8");
        headers.put("cache-control", "no-store");
        String cookies = response.headersArray().stream().filter(header -> header.name.equalsIgnoreCase("set-cookie"))
                .map(header -> header.value).collect(Collectors.joining("\n"));
        if (!cookies.isEmpty()) {
            headers.put("set-cookie", cookies);
        }
        String body = "<!DOCTYPE html><meta http-equiv=\"refresh\" content=\"0;url=" + escaped + "\"><title>Redirect</title>";
        return new Route.FulfillOptions().setStatus(200).setHeaders(headers).setBody(body);
    }

    private void follow(Route route, Request request, String firstTarget, int firstStatus) {
        String current = firstTarget;
        int status = firstStatus;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Route.FetchOptions options = new Route.FetchOptions().setUrl(current).setMaxRedirects(0);
            String method = status == 307 || status == 308 ? request.method() : "GET";
            options.setMethod(method);
            APIResponse response;
            try {
                response = route.fetch(options);
            } catch (PlaywrightException e) {
                guard.record(request, method, current, NetworkEvent.ALLOWED, "redirect hop; request failed: "
                        + EgressGuard.firstLine(e.getMessage()), null);
                route.abort("failed");
                return;
            }
            guard.record(request, method, current, NetworkEvent.ALLOWED, "redirect hop allowed by the allowlist", response.status());
            String next = redirectTarget(current, response);
            if (next == null) {
                route.fulfill(new Route.FulfillOptions().setResponse(response));
                return;
            }
            if (!allowlist.allows(next)) {
                guard.block(request, next, "redirect from " + current + " to an origin not on the allowlist");
                route.abort("blockedbyclient");
                return;
            }
            current = next;
            status = response.status();
        }
        guard.block(request, current, "more than " + MAX_HOPS + " redirects");
        route.abort("failed");
    }

    /**
     * Tells whether a response becomes a download: an attachment, or a navigation to content that Chromium does not
     * render as a page.
     *
     * <p>NOTE: the browser requests a download a second time, so the server receives two requests for it.
     */
    private static boolean isDownload(Request request, APIResponse response) {
        String disposition = header(response, "content-disposition");
        if (disposition != null && disposition.trim().toLowerCase(Locale.ROOT).startsWith("attachment")) {
            return true;
        }
        String type = header(response, "content-type");
        if (!request.isNavigationRequest() || type == null) {
            return false;
        }
        String mediaType = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return !(mediaType.startsWith("text/") || mediaType.startsWith("image/") || mediaType.contains("html")
                || mediaType.contains("xml") || mediaType.equals("application/json") || mediaType.equals("application/pdf"));
    }

    private static String header(APIResponse response, String name) {
        String value = null;
        for (HttpHeader header : response.headersArray()) {
            if (header.name.equalsIgnoreCase(name)) {
                value = header.value;
            }
        }
        return value;
    }

    private static String redirectTarget(String url, APIResponse response) {
        if (!REDIRECT_STATUSES.contains(response.status())) {
            return null;
        }
        String location = header(response, "location");
        if (location == null) {
            return null;
        }
        try {
            return URI.create(url).resolve(location.trim()).toString();
        } catch (IllegalArgumentException e) {
            return location;
        }
    }
}
