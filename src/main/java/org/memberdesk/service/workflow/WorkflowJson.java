package org.memberdesk.service.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * The stored JSON of a workflow (trigger options, filters, actions; the name and state are
 * columns) and of each step of a run. Unknown fields are ignored, so an older version reads what
 * a newer one wrote.
 */
public final class WorkflowJson {

    /** What the {@code definition} column holds. */
    public record Stored(TriggerSpec trigger, List<FilterSpec> filters, List<ActionSpec> actions) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private WorkflowJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write workflow JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read workflow JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String definition(WorkflowDefinition d) {
        return write(new Stored(d.trigger(), d.filters(), d.actions()));
    }

    public static WorkflowDefinition definition(String name, boolean enabled, String json) {
        Stored s = read(json, Stored.class);
        return new WorkflowDefinition(name, enabled, s.trigger(), s.filters(), s.actions());
    }
}
