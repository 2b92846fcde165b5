package dev.sandboxorchestrator.examples.server;

/** The API's paths, as the guide names them. */
final class Routes {
    static final String API = "/api/";
    static final String SANDBOXES = "/api/sandbox";
    static final String CREATE = "/api/sandbox/create";
    static final String GENERATE = "/api/generate/sandbox";
    static final String EVENTS_SUFFIX = "/events";

    private Routes() {
    }

    static String events(String id) {
        return SANDBOXES + "/" + id + EVENTS_SUFFIX;
    }
}
