package dev.airlock.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginAllowlistTest {

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource({
            "http://127.0.0.1:8080, http://127.0.0.1:8080/invoices?id=1, true",
            "http://127.0.0.1:8080, http://127.0.0.1:8081/, false",
            "http://127.0.0.1:8080, https://127.0.0.1:8080/, false",
            "https://portal.example.com, https://portal.example.com:443/a, true",
            "https://portal.example.com/, https://PORTAL.example.com/a, true",
            "https://portal.example.com, https://evil.portal.example.com/, false",
            "https://*.example.com, https://a.b.example.com/, true",
            "https://*.example.com, https://example.com/, false",
            "https://*.example.com, https://badexample.com/, false",
            "http://[::1]:9000, http://[::1]:9000/x, true",
            "https://portal.example.com, wss://portal.example.com/socket, true",
            "https://portal.example.com, about:blank, false",
            "https://portal.example.com, 'data:text/html;base64,AAAA', false"
    })
    void entryMatchesByOrigin(String entry, String url, boolean allowed) {
        assertThat(OriginAllowlist.parse(List.of(entry)).allows(url)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "example.com | has no scheme",
            "https://example.com/path | has a path, query or fragment, but an origin has none; remove '/path'",
            "https://example.com?x=1 | has a path, query or fragment",
            "ftp://example.com | uses scheme 'ftp'",
            "https://user@example.com | contains user information",
            "https://ex*.example.com | wildcard in the wrong place",
            "https://a.*.example.com | wildcard in the wrong place",
            "https://example.com:* | wildcard in the wrong place",
            "https://*.com | two labels after the wildcard"
    })
    void invalidEntryIsRejectedWithHowToWriteIt(String entry, String expected) {
        assertThatThrownBy(() -> OriginAllowlist.parse(List.of("http://127.0.0.1:1", entry)))
                .isInstanceOf(InvalidOriginException.class)
                .hasMessageContaining("'" + entry + "'")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(((InvalidOriginException) e).index()).isEqualTo(1));
    }

    @Test
    void messageShowsHowToWriteAnOrigin() {
        assertThatThrownBy(() -> OriginAllowlist.parse(List.of("portal.example.com")))
                .hasMessageContaining("scheme://host[:port]")
                .hasMessageContaining("https://*.example.com");
    }

    @Test
    void matchingEntryNamesTheEntryAsWritten() {
        OriginAllowlist allowlist = OriginAllowlist.parse(List.of("http://127.0.0.1:1", "https://*.example.com"));

        assertThat(allowlist.matchingEntry("https://a.example.com/x")).contains("https://*.example.com");
        assertThat(allowlist.matchingEntry("https://other.org/")).isEmpty();
    }
}
