package dev.airlock.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void secretIsReplacedEverywhere() {
        Redactor redactor = Redactor.of("demo-password");

        assertThat(redactor.redact("typed demo-password into Password, then demo-password again"))
                .isEqualTo("typed [REDACTED] into Password, then [REDACTED] again");
    }

    @Test
    void overlappingSecretsLeaveNoFragment() {
        Redactor redactor = Redactor.of("abcd", "cdef");

        assertThat(redactor.redact("x abcdef y")).isEqualTo("x [REDACTED] y");
    }

    @Test
    void secretInsideLongerSecretIsMaskedWhole() {
        Redactor redactor = Redactor.of("token", "token-123");

        assertThat(redactor.redact("value=token-123;")).isEqualTo("value=[REDACTED];");
    }

    @Test
    void secretMatchingMaskTextDoesNotBreakMask() {
        Redactor redactor = Redactor.of("RED", "s3cret");

        assertThat(redactor.redact("s3cret RED")).isEqualTo("[REDACTED] [REDACTED]");
    }

    @Test
    void nullAndEmptySecretsAreIgnored() {
        Redactor redactor = new Redactor(Arrays.asList(null, "", "pw"));

        assertThat(redactor.redact("pw is set")).isEqualTo("[REDACTED] is set");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void textWithoutSecretIsUnchanged() {
        assertThat(Redactor.of("hunter2").redact("nothing here")).isEqualTo("nothing here");
        assertThat(Redactor.of().redact("nothing here")).isEqualTo("nothing here");
    }

    @Test
    void containsSecretDetectsLeak() {
        Redactor redactor = Redactor.of("hunter2");

        assertThat(redactor.containsSecret("password=hunter2")).isTrue();
        assertThat(redactor.containsSecret("password=[REDACTED]")).isFalse();
    }

    @Test
    void toStringHidesSecrets() {
        assertThat(Redactor.of("hunter2", "other").toString()).isEqualTo("Redactor[2 secrets]");
    }
}
