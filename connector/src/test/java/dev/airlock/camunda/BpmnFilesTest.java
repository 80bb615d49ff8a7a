package dev.airlock.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.camunda.model.BrowserTaskRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks every BPMN file of bpmn-templates/ and examples/processes/ with Camunda's lint rules, and
 * checks that each approval checkpoint is modelled the way {@link CamundaApprovalCollector} reads it.
 */
class BpmnFilesTest {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  private static final List<Path> FOLDERS =
      List.of(NodeChecks.REPOSITORY.resolve("bpmn-templates"), NodeChecks.REPOSITORY.resolve("examples/processes"));

  private static List<Path> bpmnFiles;

  @BeforeAll
  static void findFiles() throws IOException {
    bpmnFiles = new ArrayList<>();
    for (Path folder : FOLDERS) {
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(file -> file.toString().endsWith(".bpmn")).sorted().forEach(bpmnFiles::add);
      }
    }
  }

  @Test
  void bothFoldersContainBpmnFiles() {
    for (Path folder : FOLDERS) {
      assertThat(bpmnFiles).as("BPMN files in %s", folder).anyMatch(file -> file.startsWith(folder));
    }
  }

  @Test
  void everyBpmnFilePassesCamundaLint() throws Exception {
    NodeChecks.Report report = NodeChecks.check("bpmn", bpmnFiles);

    assertThat(report.checked()).hasSize(bpmnFiles.size());
    assertThat(report.problems()).as("lint reports: %s", report.output()).isEmpty();
  }

  @Test
  void browserTasksUseOnlyTemplateInputs() throws Exception {
    Set<String> components =
        Arrays.stream(BrowserTaskRequest.class.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    for (Path file : bpmnFiles) {
      for (Element task : browserTasks(parse(file))) {
        for (Element input : children(task, ZEEBE, "input")) {
          assertThat(components).as("input %s of %s", input.getAttribute("target"), file).contains(input.getAttribute("target"));
        }
        assertThat(headers(task)).as("headers of %s in %s", task.getAttribute("id"), file)
            .containsEntry("errorExpression", AirlockErrorCodes.DEFAULT_ERROR_EXPRESSION);
      }
    }
  }

  @Test
  void checkpointUserTasksKeepDecisionLocal() throws Exception {
    for (Path file : bpmnFiles) {
      Document bpmn = parse(file);
      List<Element> userTasks = list(bpmn.getElementsByTagNameNS(BPMN, "userTask"));
      assertThat(userTasks).as("user tasks in %s", file).isNotEmpty();
      for (Element userTask : userTasks) {
        Map<String, String> inputs = mappings(userTask, "input");
        assertThat(inputs).as("inputs of %s in %s", userTask.getAttribute("id"), file)
            .containsKey(CamundaApprovalCollector.FINGERPRINT)
            .doesNotContainKey(CamundaApprovalCollector.DECISION);
        assertThat(mappings(userTask, "output")).as("outputs of %s in %s", userTask.getAttribute("id"), file)
            .isNotEmpty();
        assertThat(children(userTask, ZEEBE, "userTask")).as("zeebe:userTask in %s", file).hasSize(1);
        assertFormExists(file, children(userTask, ZEEBE, "formDefinition").getFirst().getAttribute("formId"));
      }
    }
  }

  @Test
  void checkpointErrorIsCaughtOnBrowserTask() throws Exception {
    for (Path file : bpmnFiles) {
      Document bpmn = parse(file);
      Map<String, String> errorCodes = new HashMap<>();
      for (Element error : list(bpmn.getElementsByTagNameNS(BPMN, "error"))) {
        errorCodes.put(error.getAttribute("id"), error.getAttribute("errorCode"));
      }
      Set<String> browserTaskIds =
          browserTasks(bpmn).stream().map(task -> task.getAttribute("id")).collect(Collectors.toSet());
      List<Element> checkpointEvents =
          list(bpmn.getElementsByTagNameNS(BPMN, "boundaryEvent")).stream()
              .filter(event -> browserTaskIds.contains(event.getAttribute("attachedToRef")))
              .filter(event -> children(event, BPMN, "errorEventDefinition").stream()
                  .anyMatch(definition -> AirlockErrorCodes.CHECKPOINT.equals(errorCodes.get(definition.getAttribute("errorRef")))))
              .toList();
      assertThat(checkpointEvents).as("AIRLOCK_CHECKPOINT boundary in %s", file).hasSize(1);
      // Camunda 8 keeps error variables local to the catch event unless output mappings copy them.
      assertThat(mappings(checkpointEvents.getFirst(), "output")).as("outputs of the checkpoint event in %s", file)
          .containsKey("airlockCheckpoint");
    }
  }

  private static void assertFormExists(Path bpmnFile, String formId) throws IOException {
    try (Stream<Path> files = Files.list(bpmnFile.getParent())) {
      List<String> formIds = new ArrayList<>();
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        formIds.add(new ObjectMapper().readTree(form.toFile()).path("id").asText());
      }
      assertThat(formIds).as("form ids next to %s", bpmnFile).contains(formId);
    }
  }

  private static List<Element> browserTasks(Document bpmn) {
    return list(bpmn.getElementsByTagNameNS(BPMN, "serviceTask")).stream()
        .filter(task -> children(task, ZEEBE, "taskDefinition").stream()
            .anyMatch(definition -> AirlockBrowserTaskConnector.JOB_TYPE.equals(definition.getAttribute("type"))))
        .toList();
  }

  private static Map<String, String> headers(Element task) {
    return children(task, ZEEBE, "header").stream()
        .collect(Collectors.toMap(header -> header.getAttribute("key"), header -> header.getAttribute("value")));
  }

  private static Map<String, String> mappings(Element task, String kind) {
    return children(task, ZEEBE, kind).stream()
        .collect(Collectors.toMap(mapping -> mapping.getAttribute("target"), mapping -> mapping.getAttribute("source")));
  }

  private static List<Element> children(Element parent, String namespace, String name) {
    return list(parent.getElementsByTagNameNS(namespace, name));
  }

  private static List<Element> list(NodeList nodes) {
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }
}
