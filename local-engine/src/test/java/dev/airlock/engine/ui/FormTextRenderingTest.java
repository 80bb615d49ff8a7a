package dev.airlock.engine.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import dev.airlock.engine.LocalEngine;
import dev.airlock.engine.LocalEngineOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders the Markdown of form text components in Chromium, case by case from
 * {@code ui/markdown-cases.json}: each case gives the source, the form data and the HTML the
 * renderer must produce.
 */
class FormTextRenderingTest {

  static final String RENDER = "async ([source, data]) => {"
      + " const markdown = await import('/ui/markdown.js');"
      + " const box = document.createElement('div');"
      + " box.append(markdown.renderMarkdown(source, data));"
      + " return box.innerHTML; }";

  @TempDir static Path dataDirectory;
  static LocalEngine engine;
  static UiBrowser browser;
  static UiBrowser.Session session;
  static Page page;

  @BeforeAll
  static void openUi() {
    engine = LocalEngine.start(LocalEngineOptions.defaults().withDataDirectory(dataDirectory));
    browser = new UiBrowser();
    session = browser.open(engine.restAddress());
    page = session.context().newPage();
    page.navigate("/history");
    page.locator("header.top").waitFor();
  }

  @AfterAll
  static void closeUi() {
    if (session != null) {
      session.close();
    }
    if (browser != null) {
      browser.close();
    }
    engine.close();
  }

  static Stream<Arguments> cases() throws IOException {
    var mapper = new ObjectMapper();
    List<Arguments> cases = new ArrayList<>();
    try (var in = FormTextRenderingTest.class.getResourceAsStream("/ui/markdown-cases.json")) {
      for (JsonNode item : mapper.readTree(in)) {
        cases.add(Arguments.of(item.get("name").asText(), item.get("source").asText(),
            mapper.convertValue(item.get("data"), Object.class), item.get("html").asText()));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void markdownRendersCase(String name, String source, Object data, String html) {
    var rendered = page.evaluate(RENDER, List.of(source, data));

    assertThat(rendered).as(name).isEqualTo(html);
    assertThat(page.evaluate("() => window.x === undefined")).as("script ran").isEqualTo(true);
  }
}
