package dev.sandboxorchestrator.nextjs;

/**
 * One stylesheet of a page, in cascade order: CSS text (from a {@code <style>} block or a local file, URLs
 * already rewritten), a remote URL, or the place where the Tailwind CDN injected its CSS. {@code media} is the
 * media query it applies under, or empty.
 */
record Sheet(Kind kind, String css, String url, String media, String origin) {
    enum Kind { LOCAL, REMOTE, TAILWIND }

    static Sheet local(String css, String media, String origin) {
        return new Sheet(Kind.LOCAL, css, "", media, origin);
    }

    static Sheet remote(String url, String media) {
        return new Sheet(Kind.REMOTE, "", url, media, url);
    }

    static Sheet tailwind() {
        return new Sheet(Kind.TAILWIND, "", "", "", "Tailwind");
    }
}
