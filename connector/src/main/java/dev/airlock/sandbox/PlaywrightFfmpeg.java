package dev.airlock.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points Playwright at Debian's ffmpeg for video recording. Playwright looks for its own ffmpeg build under
 * {@code $PLAYWRIGHT_BROWSERS_PATH/ffmpeg-<revision>/ffmpeg-linux}, with the revision from the driver's
 * browsers.json, and never downloads it here.
 */
final class PlaywrightFfmpeg {

    private static final Logger LOG = LoggerFactory.getLogger(PlaywrightFfmpeg.class);
    private static final Path DEBIAN_FFMPEG = Path.of("/usr/bin/ffmpeg");

    private PlaywrightFfmpeg() {
    }

    /** Creates {@code <browsers>/ffmpeg-<revision>/ffmpeg-linux} pointing at Debian's ffmpeg, unless it exists. */
    static void link(Path browsers) {
        if (!Files.isExecutable(DEBIAN_FFMPEG)) {
            LOG.info("{} not found: video recording is unavailable", DEBIAN_FFMPEG);
            return;
        }
        try (InputStream manifest = PlaywrightFfmpeg.class.getClassLoader().getResourceAsStream("driver/package/browsers.json")) {
            if (manifest == null) {
                LOG.info("Playwright's browsers.json not found on the class path: video recording is unavailable");
                return;
            }
            String revision = null;
            for (JsonNode browser : new ObjectMapper().readTree(manifest).path("browsers")) {
                if (browser.path("name").asText().equals("ffmpeg")) {
                    revision = browser.path("revision").asText();
                }
            }
            Path link = browsers.resolve("ffmpeg-" + revision).resolve("ffmpeg-linux");
            if (revision != null && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, DEBIAN_FFMPEG);
            }
        } catch (FileAlreadyExistsException e) {
            // Another manager created the link at the same moment.
        } catch (IOException e) {
            LOG.warn("Failed to link {} for Playwright video recording; videos are unavailable", DEBIAN_FFMPEG, e);
        }
    }
}
