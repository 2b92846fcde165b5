package dev.sandboxorchestrator.examples.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Full-page screenshots through the DevTools protocol, at the viewport's width and the document's height. */
final class FullPage {
    /** Taller pages are cut here: Chromium's texture limit is 16384 and such images are useless to compare. */
    static final int MAX_HEIGHT = 16384;

    private static final String SIZE_SCRIPT = "const d = document.documentElement, b = document.body;"
            + "return [window.innerWidth, Math.max(d.scrollHeight, d.offsetHeight, b ? b.scrollHeight : 0,"
            + " b ? b.offsetHeight : 0)];";

    private FullPage() {
    }

    static byte[] capture(Chrome chrome) {
        List<?> size = (List<?>) chrome.executeScript(SIZE_SCRIPT);
        int width = ((Number) size.get(0)).intValue();
        int height = Math.min(Math.max(((Number) size.get(1)).intValue(), 1), MAX_HEIGHT);
        JsonNode shot = chrome.cdp("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode(shot.path("data").asText());
    }
}
