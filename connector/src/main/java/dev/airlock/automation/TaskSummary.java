package dev.airlock.automation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Journal data describing a task, without secrets or typed values. */
final class TaskSummary {

    private TaskSummary() {
    }

    static Map<String, Object> started(BrowserTask task) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.taskId());
        data.put("startUrl", task.startUrl());
        data.put("allowedOrigins", task.allowedOrigins());
        data.put("identityId", task.identityId());
        data.put("totalTimeout", task.totalTimeout().toString());
        data.put("credentials", List.copyOf(task.credentials().keySet()));
        data.put("inputFiles", List.copyOf(task.inputFiles().keySet()));
        data.put("approvals", task.approvals().size());
        data.put("evidence", Map.of("screenshots", task.evidence().screenshots(), "trace", task.evidence().trace(),
                "video", task.evidence().video()));
        List<Map<String, Object>> steps = new java.util.ArrayList<>();
        for (Step step : task.steps()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("action", step.action());
            if (step.target() != null) {
                entry.put("target", step.target().describe());
            }
            steps.add(entry);
        }
        data.put("steps", steps);
        return data;
    }
}
