package dev.airlock.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code network.jsonl}, one canonical JSON object per request, and keeps what the report shows: the
 * blocked requests and a count per origin. Not thread-safe: the recorder serialises calls.
 */
final class NetworkLog {

    static final String FILE = "network.jsonl";

    /** Requests to one origin, counted by verdict. */
    record OriginCount(String origin, int allowed, int blocked) {
    }

    private final AppendOnlyFile file;
    private final List<NetworkEvent> blocked = new ArrayList<>();
    private final Map<String, OriginCount> byOrigin = new TreeMap<>();

    NetworkLog(Path bundleDirectory) {
        this.file = new AppendOnlyFile(bundleDirectory.resolve(FILE), FILE);
    }

    void record(NetworkEvent event) {
        byte[] json = CanonicalJson.write(event);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        file.append(line);

        if (event.blocked()) {
            blocked.add(event);
        }
        String origin = event.scheme() + "://" + event.host() + ":" + event.port();
        OriginCount count = byOrigin.getOrDefault(origin, new OriginCount(origin, 0, 0));
        byOrigin.put(origin, event.blocked()
                ? new OriginCount(origin, count.allowed(), count.blocked() + 1)
                : new OriginCount(origin, count.allowed() + 1, count.blocked()));
    }

    List<NetworkEvent> blocked() {
        return List.copyOf(blocked);
    }

    List<OriginCount> origins() {
        return List.copyOf(byOrigin.values());
    }
}
