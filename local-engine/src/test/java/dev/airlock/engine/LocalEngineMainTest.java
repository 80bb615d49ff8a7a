package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalEngineMainTest {

  @Test
  void defaultsArePort8088AndWorkingDirectoryData() {
    var options = LocalEngineMain.parse(new String[0]);

    assertThat(options.port()).isEqualTo(8088);
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.dataDirectory()).isEqualTo(Path.of(".airlock", "engine"));
  }

  @Test
  void portAndDataOptionsAreRead() {
    var options = LocalEngineMain.parse(new String[] {"--port", "9000", "--data", "/tmp/x"});

    assertThat(options.port()).isEqualTo(9000);
    assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/x"));
  }

  @Test
  void invalidArgumentsAreNamed() {
    assertThatThrownBy(() -> LocalEngineMain.parse(new String[] {"--port", "abc"}))
        .hasMessageContaining("abc");
    assertThatThrownBy(() -> LocalEngineMain.parse(new String[] {"--data"}))
        .hasMessageContaining("--data");
    assertThatThrownBy(() -> LocalEngineMain.parse(new String[] {"--verbose"}))
        .hasMessageContaining("--verbose");
  }
}
