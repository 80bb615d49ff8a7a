package dev.airlock.camunda.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * Input of the Airlock browser task, bound by the connector SDK from the job's variables, so that
 * {@code {{secrets.NAME}}} placeholders are replaced before the connector receives a value. Each
 * component is one field of the element template. The patterns accept a value starting with
 * {@code =} because Modeler checks them against the field's text, which may be a FEEL expression.
 */
public record BrowserTaskRequest(
    @NotBlank
        @TemplateProperty(
            group = "identity",
            label = "Agent identity",
            tooltip =
                "Id of the agent identity the task runs as. The operator's identity file defines"
                    + " which origins, actions and credentials it may use.",
            exampleValue = "invoice-clerk")
        String identityId,
    @NotBlank
        @Pattern(
            regexp = "^(=.*|https?://\\S+)$",
            message = "must be an absolute http:// or https:// URL, such as http://127.0.0.1:8086/login")
        @TemplateProperty(
            group = "target",
            label = "Start URL",
            tooltip = "Page the browser opens first. Its origin must be one of the allowed origins.",
            exampleValue = "http://127.0.0.1:8086/login")
        String startUrl,
    @NotEmpty
        @TemplateProperty(
            group = "target",
            label = "Allowed origins",
            tooltip =
                "FEEL list of origins (scheme://host[:port]) the browser may contact. Every other"
                    + " request is blocked and journalled.",
            feel = FeelMode.required,
            exampleValue = "=[\"http://127.0.0.1:8086\"]")
        List<String> allowedOrigins,
    @NotNull
        @TemplateProperty(
            group = "steps",
            label = "Steps",
            type = PropertyType.Text,
            feel = FeelMode.optional,
            tooltip =
                "JSON array of steps, or a FEEL expression that returns one. Each step has an"
                    + " action (goto, click, fill, select, check, press, waitFor, extract,"
                    + " screenshot, download, upload, assertVisible) and its fields.",
            exampleValue =
                "[{\"action\":\"click\",\"target\":{\"role\":\"button\",\"name\":\"Log in\"}}]")
        JsonNode steps,
    @TemplateProperty(
            group = "steps",
            label = "Input files",
            tooltip =
                "FEEL context of file name to Camunda document, for upload steps. Leave empty when"
                    + " no step uploads a file.",
            feel = FeelMode.required,
            optional = true)
        Map<String, Document> inputFiles,
    @Pattern(regexp = "^(=.*|P\\S+)$", message = "must be an ISO-8601 duration such as PT2M")
        @TemplateProperty(
            group = "policy",
            label = "Total timeout",
            tooltip =
                "ISO-8601 duration after which the whole task is stopped. Keep it below the job"
                    + " timeout of the connector runtime.",
            defaultValue = "PT2M",
            optional = true)
        String totalTimeout,
    @Pattern(regexp = "^(=.*|P\\S+)$", message = "must be an ISO-8601 duration such as PT15M")
        @TemplateProperty(
            group = "policy",
            label = "Approval validity",
            tooltip =
                "ISO-8601 duration an approval stays valid after the approver's decision. The"
                    + " pending action's own expiry still applies.",
            defaultValue = "PT15M",
            optional = true)
        String approvalValidity,
    @TemplateProperty(
            group = "evidence",
            label = "Record video",
            tooltip =
                "Whether the evidence bundle includes a video of the browser. Needs ffmpeg on the"
                    + " machine that runs the sandboxes.",
            defaultValue = "false",
            defaultValueType = TemplateProperty.DefaultValueType.Boolean,
            optional = true)
        Boolean recordVideo,
    @TemplateProperty(
            group = "evidence",
            label = "Record Playwright trace",
            tooltip = "Whether the evidence bundle includes a Playwright trace.",
            defaultValue = "true",
            defaultValueType = TemplateProperty.DefaultValueType.Boolean,
            optional = true)
        Boolean recordTrace,
    @Pattern(regexp = "^(=.*|P\\S+)$", message = "must be an ISO-8601 duration such as P30D")
        @TemplateProperty(
            group = "evidence",
            label = "Document time to live",
            tooltip =
                "ISO-8601 duration the uploaded evidence documents are kept. Leave empty for the"
                    + " document store's default.",
            optional = true)
        String documentTimeToLive) {}
